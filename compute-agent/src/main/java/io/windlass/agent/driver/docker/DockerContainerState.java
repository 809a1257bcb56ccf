package io.windlass.agent.driver.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import io.windlass.container.ContainerStatus;
import io.windlass.server.PowerState;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The {@code State} block of a docker inspect, reduced to what the agent reports.
 *
 * @param status     engine status: created, running, paused, restarting, removing, exited, dead
 * @param exitCode   last exit code
 * @param startedAt  last start, null if never started
 * @param finishedAt last exit, null if never exited
 * @param error      engine error of the last start attempt, or null
 * @param health     the health check's status (starting, healthy, unhealthy), null without a check
 */
public record DockerContainerState(String status, long exitCode, Instant startedAt, Instant finishedAt,
                                   String error, String health) {

    /** Docker writes Go's zero time for "never". */
    private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    public static DockerContainerState of(InspectContainerResponse.ContainerState state) {
        return new DockerContainerState(state.getStatus(), state.getExitCodeLong() == null ? 0 : state.getExitCodeLong(),
                parseTime(state.getStartedAt()), parseTime(state.getFinishedAt()),
                state.getError() == null || state.getError().isBlank() ? null : state.getError(),
                state.getHealth() == null || state.getHealth().getStatus() == null
                        || state.getHealth().getStatus().isBlank() ? null : state.getHealth().getStatus());
    }

    /** Zun's status for this engine state. */
    public ContainerStatus containerStatus() {
        return switch (status == null ? "" : status) {
            case "paused" -> ContainerStatus.PAUSED;
            case "restarting" -> ContainerStatus.RESTARTING;
            case "running" -> ContainerStatus.RUNNING;
            case "dead" -> ContainerStatus.DEAD;
            case "created" -> ContainerStatus.CREATED;
            case "exited", "removing" -> ContainerStatus.STOPPED;
            default -> ContainerStatus.UNKNOWN;
        };
    }

    /** Nova's power state for this engine state, when the container realises a server. */
    public PowerState powerState() {
        return switch (status == null ? "" : status) {
            // restarting: the engine brings it back by itself, as a rebooting guest
            case "running", "restarting" -> PowerState.RUNNING;
            case "paused" -> PowerState.PAUSED;
            case "exited", "created", "removing" -> PowerState.SHUTDOWN;
            case "dead" -> PowerState.CRASHED;
            default -> PowerState.NOSTATE;
        };
    }

    /**
     * The STATUS column of {@code docker ps}: "Up 3 seconds", "Up 2 minutes (healthy)",
     * "Exited (0) 2 minutes ago".
     */
    public String detail(Instant now) {
        return switch (status == null ? "" : status) {
            case "running" -> "Up " + since(startedAt, now) + healthSuffix();
            case "paused" -> "Up " + since(startedAt, now) + " (Paused)";
            case "restarting" -> "Restarting (" + exitCode + ") " + since(finishedAt, now) + " ago";
            case "exited" -> finishedAt == null ? "Exited (" + exitCode + ")"
                    : "Exited (" + exitCode + ") " + since(finishedAt, now) + " ago";
            case "created" -> "Created";
            case "removing" -> "Removal In Progress";
            case "dead" -> "Dead";
            default -> status == null ? "" : status;
        };
    }

    /** As {@code docker ps} shows a running container's health; nothing without a check. */
    private String healthSuffix() {
        return switch (health == null ? "none" : health) {
            case "starting" -> " (health: starting)";
            case "healthy", "unhealthy" -> " (" + health + ")";
            default -> "";
        };
    }

    private static String since(Instant from, Instant now) {
        return humanDuration(from == null ? Duration.ZERO : Duration.between(from, now));
    }

    /** Docker's units.HumanDuration, so that our detail reads like {@code docker ps}. */
    static String humanDuration(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < 1) {
            return "Less than a second";
        }
        if (seconds == 1) {
            return "1 second";
        }
        if (seconds < 60) {
            return seconds + " seconds";
        }
        long minutes = d.toMinutes();
        if (minutes == 1) {
            return "About a minute";
        }
        if (minutes < 60) {
            return minutes + " minutes";
        }
        long hours = Math.round(d.toMillis() / 3_600_000.0);
        if (hours == 1) {
            return "About an hour";
        }
        if (hours < 48) {
            return hours + " hours";
        }
        if (hours < 24 * 7 * 2) {
            return hours / 24 + " days";
        }
        if (hours < 24 * 30 * 2) {
            return hours / 24 / 7 + " weeks";
        }
        if (hours < 24 * 365 * 2) {
            return hours / 24 / 30 + " months";
        }
        return hours / 24 / 365 + " years";
    }

    private static Instant parseTime(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant t = Instant.parse(value);
            return t.equals(GO_ZERO_TIME) ? null : t;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
