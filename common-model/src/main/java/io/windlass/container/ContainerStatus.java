package io.windlass.container;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Zun container statuses (zun/common/consts.py), with their wire spelling. */
public enum ContainerStatus {
    CREATING("Creating"),
    CREATED("Created"),
    RUNNING("Running"),
    STOPPED("Stopped"),
    PAUSED("Paused"),
    RESTARTING("Restarting"),
    REBUILDING("Rebuilding"),
    DELETING("Deleting"),
    DELETED("Deleted"),
    DEAD("Dead"),
    ERROR("Error"),
    UNKNOWN("Unknown");

    private final String value;

    ContainerStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static ContainerStatus fromValue(String value) {
        for (ContainerStatus s : values()) {
            if (s.value.equalsIgnoreCase(value) || s.name().equalsIgnoreCase(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown container status " + value);
    }
}
