package io.windlass.container;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Zun's transient task states: set while a compute operation runs, cleared when it ends. */
public enum TaskState {
    IMAGE_PULLING,
    CONTAINER_CREATING,
    CONTAINER_STARTING,
    CONTAINER_DELETING,
    CONTAINER_STOPPING,
    CONTAINER_REBOOTING,
    CONTAINER_PAUSING,
    CONTAINER_UNPAUSING,
    CONTAINER_KILLING,
    CONTAINER_REBUILDING,
    NETWORK_ATTACHING,
    NETWORK_DETACHING;

    @JsonValue
    public String value() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static TaskState fromValue(String value) {
        return valueOf(value.toUpperCase());
    }
}
