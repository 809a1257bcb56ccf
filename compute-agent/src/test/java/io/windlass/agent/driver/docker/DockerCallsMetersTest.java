package io.windlass.agent.driver.docker;

import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.windlass.agent.driver.DriverException;
import io.windlass.agent.driver.EngineMeters;
import io.windlass.agent.driver.EngineUnreachableException;
import io.windlass.agent.driver.WorkloadNotFoundException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every engine call is timed by kind, operation and outcome, and its failures counted, whatever it throws. */
class DockerCallsMetersTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DockerCalls calls = new DockerCalls("Container", new EngineMeters(registry));

    @Test
    void eachOutcomeIsTimedUnderItsOperation() {
        calls.run("start", "u1", () -> { });
        calls.run("start", "u1", () -> {
            throw new NotModifiedException("already running");
        });
        assertThrows(WorkloadNotFoundException.class, () -> calls.run("stop", "u1", () -> {
            throw new NotFoundException("no such container");
        }));
        assertThrows(DriverException.class, () -> calls.run("remove image", null, () -> {
            throw new DockerException("{\"message\":\"image is in use\"}", 409);
        }));
        assertThrows(EngineUnreachableException.class, () -> calls.run("inspect", "u1", () -> {
            throw new UncheckedIOException(new IOException("socket closed"));
        }));

        assertEquals(2, timer("start", "ok"));
        assertEquals(1, timer("stop", "not_found"));
        assertEquals(1, timer("remove_image", "refused"));
        assertEquals(1, timer("inspect", "unreachable"));
        assertEquals(1.0, registry.get("windlass.agent.engine.failures").tags("operation", "inspect",
                "outcome", "unreachable").counter().count());
        assertEquals(3, registry.get("windlass.agent.engine.failures").counters().size());
        assertNull(registry.find("windlass.agent.engine.failures").tags("operation", "start").counter());
    }

    private long timer(String operation, String outcome) {
        return registry.get("windlass.agent.engine.calls").tags("kind", "container", "operation", operation,
                "outcome", outcome).timer().count();
    }
}
