package io.windlass.console;

import com.rabbitmq.client.AMQP;
import io.windlass.rpc.RpcSettings;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConsoleFrameTest {

    private static ConsoleFrame roundTrip(ConsoleFrame frame) {
        return ConsoleFrame.of(frame.properties(), frame.data());
    }

    @Test
    void bytesTravelUnchangedAsTheBody() {
        byte[] bytes = {0, (byte) 0xff, 0x1b, '[', 'A', (byte) 0xc3};
        ConsoleFrame frame = ConsoleFrame.data(bytes);
        assertArrayEquals(bytes, frame.data());
        assertEquals("data", frame.properties().getType());
        assertEquals(frame, roundTrip(frame));
    }

    @Test
    void anEndCarriesItsReason() {
        ConsoleFrame end = roundTrip(ConsoleFrame.end("the process exited"));
        assertEquals(ConsoleFrame.Kind.END, end.kind());
        assertEquals("the process exited", end.reason());
        assertEquals(0, end.data().length);
        assertEquals(1, ConsoleFrame.end("x").properties().getDeliveryMode());
    }

    @Test
    void aFrameOfAnUnknownTypeIsNoBytesAndNoEnd() {
        ConsoleFrame frame = ConsoleFrame.of(new AMQP.BasicProperties.Builder().type("resize").build(),
                "24x80".getBytes(StandardCharsets.UTF_8));
        assertEquals(ConsoleFrame.Kind.DATA, frame.kind());
        assertEquals(0, frame.data().length);
        assertEquals(ConsoleFrame.Kind.DATA, ConsoleFrame.of(null, new byte[]{1}).kind());
    }

    @Test
    void aSessionsQueuesLiveUnderItsHostsQueue() {
        RpcSettings settings = new RpcSettings("localhost", 5672, "u", "p", "/", "windlass", false,
                Duration.ofSeconds(5), 2);
        ConsoleQueues q = ConsoleQueues.of(settings, "node-1", "0f8e2a44-8d3c-4a8e-9b51-1c2d3e4f5a6b");
        assertEquals("windlass.compute.node-1.console.0f8e2a44-8d3c-4a8e-9b51-1c2d3e4f5a6b.to-agent", q.toAgent());
        assertEquals("windlass.compute.node-1.console.0f8e2a44-8d3c-4a8e-9b51-1c2d3e4f5a6b.to-api", q.toApi());
        assertThrows(IllegalArgumentException.class, () -> ConsoleQueues.of(settings, "node-1", "#"));
    }
}
