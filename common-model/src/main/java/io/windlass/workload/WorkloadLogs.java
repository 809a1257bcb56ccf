package io.windlass.workload;

import java.util.Objects;

/**
 * {@code compute.workload_logs} (1.9), a call: what the engine logged of a placed workload, read on
 * its host. One method for both kinds that have a log API upstream, since both are engine containers:
 * Zun's {@code GET /containers/{id}/logs} and Nova's {@code os-getConsoleOutput} (the server's console
 * being its engine container's stdout and stderr).
 *
 * @param kind       {@link #CONTAINER} or {@link #SERVER}: which driver names the engine container
 * @param uuid       the workload
 * @param stdout     include what it wrote to stdout
 * @param stderr     include what it wrote to stderr (merged with stdout in the engine's order)
 * @param timestamps prefix each line with the engine's RFC 3339 timestamp
 * @param tail       only the last this many lines; null: all
 * @param since      only lines logged at or after this Unix time (seconds); null: from the start
 */
public record WorkloadLogs(String kind, String uuid, boolean stdout, boolean stderr, boolean timestamps,
                           Integer tail, Long since) {
    public static final String CONTAINER = "container";
    public static final String SERVER = "server";

    public WorkloadLogs {
        Objects.requireNonNull(uuid, "uuid");
        if (!CONTAINER.equals(kind) && !SERVER.equals(kind)) {
            throw new IllegalArgumentException("logs are read of containers and servers, not of " + kind);
        }
        if (tail != null && tail < 0) {
            throw new IllegalArgumentException("tail must not be negative: " + tail);
        }
    }

    /** Nova's console: both streams, as logged, all of it or its last {@code tail} lines. */
    public static WorkloadLogs console(String serverUuid, Integer tail) {
        return new WorkloadLogs(SERVER, serverUuid, true, true, false, tail, null);
    }
}
