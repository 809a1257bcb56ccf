package io.windlass.agent.driver.docker;

import com.github.dockerjava.api.exception.DockerException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.windlass.agent.driver.DriverException;
import io.windlass.agent.driver.EngineMeters;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A removal the engine refuses with the container's filesystem still busy (as while it restarts) is
 * tried again a few times; any other refusal fails at once.
 */
class DockerCallsRemovalTest {
    private static final String BUSY = "{\"message\":\"container c: driver \\\"overlay2\\\" failed to remove root "
            + "filesystem: unlinkat /var/lib/docker/overlay2/x/merged: device or resource busy\"}";

    private final DockerCalls calls = new DockerCalls("Server", new EngineMeters(new SimpleMeterRegistry()),
            Duration.ZERO);

    @Test
    void aBusyFilesystemIsTriedAgainUntilTheRemovalGoesThrough() {
        AtomicInteger attempts = new AtomicInteger();
        calls.remove("u1", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new DockerException(BUSY, 500);
            }
        });
        assertEquals(3, attempts.get());
    }

    @Test
    void aFilesystemThatStaysBusyFailsAfterTheLastAttemptWithTheEnginesWords() {
        AtomicInteger attempts = new AtomicInteger();
        DriverException failed = assertThrows(DriverException.class, () -> calls.remove("u1", () -> {
            attempts.incrementAndGet();
            throw new DockerException(BUSY, 500);
        }));
        assertEquals(DockerCalls.REMOVAL_ATTEMPTS, attempts.get());
        assertTrue(failed.getMessage().contains("device or resource busy"), failed.getMessage());
    }

    @Test
    void anyOtherRefusalFailsAtOnce() {
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(DriverException.class, () -> calls.remove("u1", () -> {
            attempts.incrementAndGet();
            throw new DockerException("{\"message\":\"removal of container c is already in progress\"}", 409);
        }));
        assertEquals(1, attempts.get());
    }
}
