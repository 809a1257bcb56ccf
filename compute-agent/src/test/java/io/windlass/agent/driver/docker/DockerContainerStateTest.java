package io.windlass.agent.driver.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.InspectContainerResponse;
import io.windlass.container.ContainerStatus;
import io.windlass.server.PowerState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DockerContainerStateTest {
    private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");

    @ParameterizedTest
    @CsvSource({
        "paused, Paused",
        "restarting, Restarting",
        "running, Running",
        "dead, Dead",
        "created, Created",
        "exited, Stopped",
        "removing, Stopped",
        "something-new, Unknown",
    })
    void engineStatusMapsToZunStatus(String engine, String zun) {
        var state = new DockerContainerState(engine, 0, null, null, null, null);
        assertEquals(ContainerStatus.fromValue(zun), state.containerStatus());
    }

    @ParameterizedTest
    @CsvSource({
        "running, RUNNING",
        "restarting, RUNNING",
        "paused, PAUSED",
        "exited, SHUTDOWN",
        "created, SHUTDOWN",
        "removing, SHUTDOWN",
        "dead, CRASHED",
        "something-new, NOSTATE",
    })
    void engineStatusMapsToNovaPowerState(String engine, String power) {
        var state = new DockerContainerState(engine, 0, null, null, null, null);
        assertEquals(PowerState.valueOf(power), state.powerState());
    }

    @Test
    void runningDetailCountsFromStart() {
        var state = new DockerContainerState("running", 0, NOW.minusSeconds(3), null, null, null);
        assertEquals("Up 3 seconds", state.detail(NOW));
    }

    @Test
    void pausedDetailSaysPaused() {
        var state = new DockerContainerState("paused", 0, NOW.minus(Duration.ofMinutes(5)), null, null, null);
        assertEquals("Up 5 minutes (Paused)", state.detail(NOW));
    }

    @Test
    void exitedDetailShowsCodeAndAge() {
        var state = new DockerContainerState("exited", 137, NOW.minus(Duration.ofHours(3)),
                NOW.minus(Duration.ofMinutes(2)), null, "unhealthy");
        // docker ps shows health for running containers only
        assertEquals("Exited (137) 2 minutes ago", state.detail(NOW));
    }

    @Test
    void runningDetailShowsTheHealthAsDockerPsDoes() {
        Instant started = NOW.minus(Duration.ofMinutes(2));
        assertEquals("Up 2 minutes (health: starting)",
                new DockerContainerState("running", 0, started, null, null, "starting").detail(NOW));
        assertEquals("Up 2 minutes (healthy)",
                new DockerContainerState("running", 0, started, null, null, "healthy").detail(NOW));
        assertEquals("Up 2 minutes (unhealthy)",
                new DockerContainerState("running", 0, started, null, null, "unhealthy").detail(NOW));
        assertEquals("Up 2 minutes", new DockerContainerState("running", 0, started, null, null, null).detail(NOW));
    }

    @Test
    void createdAndRestartingDetails() {
        assertEquals("Created", new DockerContainerState("created", 0, null, null, null, null).detail(NOW));
        assertEquals("Restarting (1) 4 seconds ago",
                new DockerContainerState("restarting", 1, null, NOW.minusSeconds(4), null, null).detail(NOW));
    }

    @ParameterizedTest
    @CsvSource({
        "0, Less than a second",
        "1, 1 second",
        "59, 59 seconds",
        "60, About a minute",
        "119, About a minute",
        "120, 2 minutes",
        "3599, 59 minutes",
        "3600, About an hour",
        "7200, 2 hours",
        "172800, 2 days",
        "1209600, 2 weeks",
        "5184000, 2 months",
        "63072000, 2 years",
    })
    void humanDurationReadsLikeDocker(long seconds, String expected) {
        assertEquals(expected, DockerContainerState.humanDuration(Duration.ofSeconds(seconds)));
    }

    @Test
    void goZeroTimeMeansNeverStarted() throws Exception {
        String json = """
                {"State":{"Status":"exited","ExitCode":0,"StartedAt":"0001-01-01T00:00:00Z",
                 "FinishedAt":"0001-01-01T00:00:00Z","Error":""}}""";
        var response = new ObjectMapper().readValue(json, InspectContainerResponse.class);
        var state = DockerContainerState.of(response.getState());
        assertNull(state.startedAt());
        assertNull(state.error());
        assertEquals("Exited (0)", state.detail(NOW));
    }
}
