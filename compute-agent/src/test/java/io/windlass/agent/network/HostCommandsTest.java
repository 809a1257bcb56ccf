package io.windlass.agent.network;

import io.windlass.agent.driver.DriverException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostCommandsTest {
    private final HostCommands commands = new HostCommands(List.of(), Duration.ofSeconds(10));

    @Test
    void theInputIsTheCommandsStandardInput() {
        String text = "*filter\n:wlsg-ingress - [0:0]\nCOMMIT\n".repeat(5000); // more than a pipe holds
        assertEquals(text, commands.runOrFail(List.of("cat"), text));
    }

    @Test
    void withoutInputTheCommandReadsAnEmptyStdin() {
        HostCommands.Result result = commands.run(List.of("cat"));
        assertTrue(result.ok());
        assertEquals("", result.stdout());
    }

    @Test
    void aFailureCarriesTheCommandsOwnMessage() {
        DriverException e = assertThrows(DriverException.class,
                () -> commands.runOrFail(List.of("sh", "-c", "echo no >&2; exit 3"), "ignored"));
        assertTrue(e.getMessage().contains("exit 3") && e.getMessage().endsWith("no"), e.getMessage());
    }
}
