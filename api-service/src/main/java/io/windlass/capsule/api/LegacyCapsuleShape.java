package io.windlass.capsule.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A capsule as Zun shows it before 1.32 ({@code capsules_view.format_capsule} with
 * {@code legacy_api_version}): the same fields as from 1.32 on, but the name and labels as
 * {@code meta_name} and {@code meta_labels}, the restart policy as its name alone, and the fields of
 * the template era that clients of that time read, empty as Zun leaves them.
 */
final class LegacyCapsuleShape {
    private LegacyCapsuleShape() {
    }

    static ObjectNode of(CapsuleView view, ObjectMapper json) {
        ObjectNode shown = json.valueToTree(view);
        shown.set("meta_name", shown.remove("name"));
        shown.set("meta_labels", shown.remove("labels"));
        // Zun yields the policy's Name only when there is one; otherwise the key is left out
        ObjectNode restart = (ObjectNode) shown.remove("restart_policy");
        if (restart != null && restart.hasNonNull("Name")) {
            shown.set("restart_policy", restart.get("Name"));
        }
        shown.putObject("volumes_info");
        shown.putArray("containers_uuids");
        shown.putArray("init_containers_uuids");
        shown.put("capsule_version", "");
        return shown;
    }
}
