package io.windlass.watch;

import io.windlass.api.error.InvalidInputException;

/** The {@code Last-Event-ID} header a reconnecting client sends: an event id this API gave it. */
public final class LastEventId {
    private static final int MAX_DIGITS = 18;

    private LastEventId() {
    }

    /** Null without the header (or with an empty one, as EventSource sends before any id); a 400 if it is no id. */
    public static Long parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String v = header.strip();
        if (v.length() > MAX_DIGITS || !v.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new InvalidInputException("InvalidValue", "Invalid Last-Event-ID header: '"
                    + (v.length() > 64 ? v.substring(0, 64) + "…" : v)
                    + "'. It must be the id of an event this API sent (a non-negative integer).");
        }
        return Long.parseLong(v);
    }
}
