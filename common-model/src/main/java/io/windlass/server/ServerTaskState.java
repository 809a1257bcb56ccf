package io.windlass.server;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Nova's task_state values Windlass uses: set while an operation runs, cleared when it ends. */
public enum ServerTaskState {
    SCHEDULING("scheduling"),
    NETWORKING("networking"),
    BLOCK_DEVICE_MAPPING("block_device_mapping"),
    SPAWNING("spawning"),
    POWERING_OFF("powering-off"),
    POWERING_ON("powering-on"),
    REBOOTING("rebooting"),
    REBOOTING_HARD("rebooting_hard"),
    PAUSING("pausing"),
    UNPAUSING("unpausing"),
    DELETING("deleting");

    private final String value;

    ServerTaskState(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static ServerTaskState fromValue(String value) {
        for (ServerTaskState state : values()) {
            if (state.value.equals(value)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown task_state " + value);
    }
}
