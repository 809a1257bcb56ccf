package io.windlass.container;

import java.util.Objects;

/**
 * {@code compute.open_console} (1.17), a call: the host starts relaying a stream of a container
 * over the session's queues ({@link io.windlass.console.ConsoleQueues}) and answers once its end is
 * open. The api-service has declared its own queue before it calls.
 *
 * @param session            the session's id (names its queues)
 * @param uuid               the container
 * @param kind               {@link #EXEC}, {@link #ATTACH} or {@link #LOGS}
 * @param execId             the exec instance to start ({@link #EXEC}: one made interactive by
 *                           {@code container_exec}); null otherwise
 * @param logs               what of the log to follow ({@link #LOGS}); null otherwise
 * @param idleTimeoutSeconds the session ends after this long without a byte either way; 0: never
 */
public record OpenConsole(String session, String uuid, String kind, String execId, LogFollow logs,
                          long idleTimeoutSeconds) {
    /** The terminal of an interactive exec instance: its stdin and its output. */
    public static final String EXEC = "exec";
    /** The container's main process: its stdin and its output (Zun's attach). */
    public static final String ATTACH = "attach";
    /** The container's log, followed (output only). */
    public static final String LOGS = "logs";

    public OpenConsole {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(kind, "kind");
        if (EXEC.equals(kind) && execId == null) {
            throw new IllegalArgumentException("an exec console names its exec instance");
        }
        if (LOGS.equals(kind) && logs == null) {
            throw new IllegalArgumentException("a log console says what to follow");
        }
    }

    /**
     * What of the log a followed log sends: as Zun's logs parameters, then every new line.
     *
     * @param tail  the last lines first sent; null: all
     * @param since from this Unix time; null: from the start
     */
    public record LogFollow(boolean stdout, boolean stderr, boolean timestamps, Integer tail, Long since) {
    }
}
