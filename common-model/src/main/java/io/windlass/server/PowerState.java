package io.windlass.server;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Nova's power_state, as the driver observes the workload; the integer is the wire value. */
public enum PowerState {
    NOSTATE(0),
    RUNNING(1),
    PAUSED(3),
    SHUTDOWN(4),
    CRASHED(6),
    SUSPENDED(7);

    private final int code;

    PowerState(int code) {
        this.code = code;
    }

    /** Nova's name of the state ({@code power_state.STATE_MAP}): what its diagnostics and their refusals say. */
    public String novaName() {
        return this == NOSTATE ? "pending" : name().toLowerCase(Locale.ROOT);
    }

    @JsonValue
    public int code() {
        return code;
    }

    @JsonCreator
    public static PowerState fromCode(int code) {
        for (PowerState state : values()) {
            if (state.code == code) {
                return state;
            }
        }
        return NOSTATE;
    }
}
