package io.windlass.server.service;

/**
 * One event of Nova's {@code POST /os-server-external-events}, as the caller sent it, and what became
 * of it: {@code code} 200 when the server's host could take it, 404 for an unknown server, 422 for a
 * server on no host, 400 for a {@code volume-extended} without its tag (the volume).
 *
 * @param status what the caller said ({@code completed} when it said nothing), or {@code failed}
 *               when the event was refused
 * @param tag    null when not given (and then not in the answer)
 */
public record ServerExternalEvent(String serverUuid, String name, String status, String tag, Integer code) {
    static final String COMPLETED = "completed";
    static final String FAILED = "failed";

    /** The event as received, not yet decided. */
    public static ServerExternalEvent received(String serverUuid, String name, String status, String tag) {
        return new ServerExternalEvent(serverUuid, name, status == null ? COMPLETED : status, tag, null);
    }

    /**
     * Nova's decision for one event ({@code ServerExternalEventsController.create}): the server must
     * exist, a volume event must name its volume, and the server must be on a host to be told.
     *
     * @param host the server's host; null when it is on none or unknown
     */
    public ServerExternalEvent decided(boolean serverExists, String host) {
        if (!serverExists) {
            return withCode(FAILED, 404);
        }
        if (name.equals("volume-extended") && tag == null) {
            return withCode(FAILED, 400);
        }
        return host == null ? withCode(FAILED, 422) : withCode(COMPLETED, 200);
    }

    public boolean accepted() {
        return code != null && code == 200;
    }

    private ServerExternalEvent withCode(String newStatus, int newCode) {
        return new ServerExternalEvent(serverUuid, name, newStatus, tag, newCode);
    }
}
