package io.windlass.server.service;

import io.windlass.server.ServerTaskState;
import io.windlass.server.VmState;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Nova's {@code status} from (vm_state, task_state), and back for the {@code status} list
 * filter ({@code nova/api/openstack/common.py}, table in API-NOTES 3.6).
 */
public final class ServerStatusMapping {
    /** vm_state → default status. */
    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();
    /** vm_state → task_state → overriding status. */
    private static final Map<String, Map<String, String>> OVERRIDES = new LinkedHashMap<>();

    static {
        DEFAULTS.put("active", "ACTIVE");
        DEFAULTS.put("building", "BUILD");
        DEFAULTS.put("stopped", "SHUTOFF");
        DEFAULTS.put("resized", "VERIFY_RESIZE");
        DEFAULTS.put("paused", "PAUSED");
        DEFAULTS.put("suspended", "SUSPENDED");
        DEFAULTS.put("rescued", "RESCUE");
        DEFAULTS.put("error", "ERROR");
        DEFAULTS.put("deleted", "DELETED");
        DEFAULTS.put("soft-delete", "SOFT_DELETED");
        DEFAULTS.put("shelved", "SHELVED");
        DEFAULTS.put("shelved_offloaded", "SHELVED_OFFLOADED");

        Map<String, String> active = new LinkedHashMap<>();
        for (String t : List.of("rebooting", "reboot_pending", "reboot_started")) {
            active.put(t, "REBOOT");
        }
        for (String t : List.of("rebooting_hard", "reboot_pending_hard", "reboot_started_hard")) {
            active.put(t, "HARD_REBOOT");
        }
        active.put("updating_password", "PASSWORD");
        for (String t : List.of("rebuilding", "rebuild_block_device_mapping", "rebuild_spawning")) {
            active.put(t, "REBUILD");
        }
        active.put("migrating", "MIGRATING");
        for (String t : List.of("resize_prep", "resize_migrating", "resize_migrated", "resize_finish")) {
            active.put(t, "RESIZE");
        }
        OVERRIDES.put("active", active);
        Map<String, String> stopped = new LinkedHashMap<>();
        for (String t : List.of("resize_prep", "resize_migrating", "resize_migrated", "resize_finish")) {
            stopped.put(t, "RESIZE");
        }
        for (String t : List.of("rebuilding", "rebuild_block_device_mapping", "rebuild_spawning")) {
            stopped.put(t, "REBUILD");
        }
        OVERRIDES.put("stopped", stopped);
        OVERRIDES.put("resized", Map.of("resize_reverting", "REVERT_RESIZE"));
        OVERRIDES.put("paused", Map.of("migrating", "MIGRATING"));
        Map<String, String> error = new LinkedHashMap<>();
        for (String t : List.of("rebuilding", "rebuild_block_device_mapping", "rebuild_spawning")) {
            error.put(t, "REBUILD");
        }
        OVERRIDES.put("error", error);
    }

    private ServerStatusMapping() {
    }

    /** The status users see for a server's states. */
    public static String status(VmState vmState, ServerTaskState taskState) {
        return status(vmState.value(), taskState == null ? null : taskState.value());
    }

    /** The status users see; {@code UNKNOWN} for a vm_state Nova does not map. */
    public static String status(String vmState, String taskState) {
        if (taskState != null) {
            String override = OVERRIDES.getOrDefault(vmState, Map.of()).get(taskState);
            if (override != null) {
                return override;
            }
        }
        return DEFAULTS.getOrDefault(vmState, "UNKNOWN");
    }

    /**
     * The (vm_state, task_state) pairs a status filter value selects. A task_state of
     * {@code null} in a pair means "any task state that does not override the status".
     * Empty when the value is no status Nova knows.
     */
    public static Optional<List<StatePair>> reverse(String status) {
        String wanted = status.toUpperCase(Locale.ROOT);
        List<StatePair> pairs = new java.util.ArrayList<>();
        DEFAULTS.forEach((vm, s) -> {
            if (s.equals(wanted)) {
                pairs.add(new StatePair(vm, null));
            }
        });
        OVERRIDES.forEach((vm, tasks) -> tasks.forEach((task, s) -> {
            if (s.equals(wanted)) {
                pairs.add(new StatePair(vm, task));
            }
        }));
        return pairs.isEmpty() ? Optional.empty() : Optional.of(pairs);
    }

    /** Task states that override the default status of a vm_state (excluded when filtering by the default). */
    public static List<String> overridingTaskStates(String vmState) {
        return List.copyOf(OVERRIDES.getOrDefault(vmState, Map.of()).keySet());
    }

    /**
     * One vm_state and optionally one task_state.
     *
     * @param vmState   vm_state
     * @param taskState task_state, or null for the vm_state's default status
     */
    public record StatePair(String vmState, String taskState) {
    }
}
