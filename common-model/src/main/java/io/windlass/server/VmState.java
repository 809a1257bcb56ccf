package io.windlass.server;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Nova's vm_state: the stable state of a server; the API derives {@code status} from it and the task state. */
public enum VmState {
    BUILDING("building"),
    ACTIVE("active"),
    STOPPED("stopped"),
    PAUSED("paused"),
    SUSPENDED("suspended"),
    RESCUED("rescued"),
    RESIZED("resized"),
    SOFT_DELETED("soft-delete"),
    DELETED("deleted"),
    ERROR("error"),
    SHELVED("shelved"),
    SHELVED_OFFLOADED("shelved_offloaded");

    private final String value;

    VmState(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static VmState fromValue(String value) {
        for (VmState state : values()) {
            if (state.value.equals(value)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown vm_state " + value);
    }
}
