package io.windlass.watch;

/**
 * One server-sent event as it goes on the wire. A heartbeat is a comment with the watcher's
 * position as its id and no data: clients do not dispatch it, but it moves their
 * {@code Last-Event-ID} past the changes they were not shown, so a resume after a long quiet
 * stretch does not fall behind the retention window.
 *
 * @param id      the {@code id:} field, null for none
 * @param name    the {@code event:} field, null for none
 * @param data    the {@code data:} field (one line of JSON), null for none
 * @param comment a comment line, null for none
 */
public record WatchEvent(String id, String name, String data, String comment) {
    /** The events of changes: {@code created}, {@code updated}, {@code deleted}. */
    public static WatchEvent change(long seq, String name, String data) {
        return new WatchEvent(Long.toString(seq), name, data, null);
    }

    /** The first event of every stream: the position it watches from. */
    public static WatchEvent watching(long seq) {
        return new WatchEvent(Long.toString(seq), "watching", "{\"version\":" + seq + "}", null);
    }

    /** The last event of a stream whose resume point is gone: list again, then watch. */
    public static WatchEvent expired(String reason) {
        return new WatchEvent(null, "expired", "{\"reason\":\"" + reason + "\"}", null);
    }

    /** The last event of a stream closed for falling behind: reconnect with Last-Event-ID. */
    public static WatchEvent overflow() {
        return new WatchEvent(null, "overflow",
                "{\"reason\":\"the client did not keep up; reconnect with Last-Event-ID to resume\"}", null);
    }

    /** The last event of a stream open for {@code windlass.watch.max-stream}: reconnect with Last-Event-ID. */
    public static WatchEvent reconnect(long seq) {
        return new WatchEvent(Long.toString(seq), "reconnect",
                "{\"reason\":\"the stream reached its longest duration; reconnect with Last-Event-ID to resume\"}",
                null);
    }

    public static WatchEvent heartbeat(long seq) {
        return new WatchEvent(Long.toString(seq), null, null, "heartbeat");
    }

    /** The event in text/event-stream framing (what tests and the benchmark parse back). */
    public String framed() {
        StringBuilder s = new StringBuilder();
        if (comment != null) {
            s.append(':').append(comment).append('\n');
        }
        if (id != null) {
            s.append("id:").append(id).append('\n');
        }
        if (name != null) {
            s.append("event:").append(name).append('\n');
        }
        if (data != null) {
            s.append("data:").append(data).append('\n');
        }
        return s.append('\n').toString();
    }
}
