package io.windlass.server;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Nova's task_state values ({@code nova/compute/task_states.py}), all of them, with their wire
 * spelling: set while an operation runs, cleared when it ends. A new server action names its
 * task state here; the status users see for each is {@code ServerStatusMapping}'s.
 */
public enum ServerTaskState {
    SCHEDULING("scheduling"),
    BLOCK_DEVICE_MAPPING("block_device_mapping"),
    NETWORKING("networking"),
    SPAWNING("spawning"),
    IMAGE_SNAPSHOT("image_snapshot"),
    IMAGE_SNAPSHOT_PENDING("image_snapshot_pending"),
    IMAGE_PENDING_UPLOAD("image_pending_upload"),
    IMAGE_UPLOADING("image_uploading"),
    IMAGE_BACKUP("image_backup"),
    UPDATING_PASSWORD("updating_password"),
    RESIZE_PREP("resize_prep"),
    RESIZE_MIGRATING("resize_migrating"),
    RESIZE_MIGRATED("resize_migrated"),
    RESIZE_FINISH("resize_finish"),
    RESIZE_REVERTING("resize_reverting"),
    RESIZE_CONFIRMING("resize_confirming"),
    REBOOTING("rebooting"),
    REBOOT_PENDING("reboot_pending"),
    REBOOT_STARTED("reboot_started"),
    REBOOTING_HARD("rebooting_hard"),
    REBOOT_PENDING_HARD("reboot_pending_hard"),
    REBOOT_STARTED_HARD("reboot_started_hard"),
    PAUSING("pausing"),
    UNPAUSING("unpausing"),
    SUSPENDING("suspending"),
    RESUMING("resuming"),
    POWERING_OFF("powering-off"),
    POWERING_ON("powering-on"),
    RESCUING("rescuing"),
    UNRESCUING("unrescuing"),
    REBUILDING("rebuilding"),
    REBUILD_BLOCK_DEVICE_MAPPING("rebuild_block_device_mapping"),
    REBUILD_SPAWNING("rebuild_spawning"),
    MIGRATING("migrating"),
    DELETING("deleting"),
    SOFT_DELETING("soft-deleting"),
    RESTORING("restoring"),
    SHELVING("shelving"),
    SHELVING_IMAGE_PENDING_UPLOAD("shelving_image_pending_upload"),
    SHELVING_IMAGE_UPLOADING("shelving_image_uploading"),
    SHELVING_OFFLOADING("shelving_offloading"),
    UNSHELVING("unshelving");

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
