package io.windlass.capsule.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.windlass.container.api.Link;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LegacyCapsuleShapeTest {
    private final ObjectMapper json = new ObjectMapper();

    private static CapsuleView view(CapsuleView.RestartPolicyView restart) {
        return new CapsuleView("u1", List.of(new Link("http://h/container/v1/capsules/u1", "self")), "web",
                Map.of("app", "web"), Map.of(), "Running", null, restart, 1.0, "128", Map.of(), List.of(), List.of(),
                "user", "project", "2026-12-06 00:00:00.000000", null, null);
    }

    @Test
    void theNameLabelsAndRestartPolicyTakeTheirLegacyFormsAndTheTemplateEraFieldsAreEmpty() {
        ObjectNode legacy = LegacyCapsuleShape.of(view(new CapsuleView.RestartPolicyView("always", "0")), json);

        assertEquals("web", legacy.get("meta_name").asText());
        assertEquals("web", legacy.get("meta_labels").get("app").asText());
        assertEquals("always", legacy.get("restart_policy").asText());
        assertFalse(legacy.has("name"));
        assertFalse(legacy.has("labels"));
        assertTrue(legacy.get("volumes_info").isObject() && legacy.get("volumes_info").isEmpty());
        assertTrue(legacy.get("containers_uuids").isArray() && legacy.get("containers_uuids").isEmpty());
        assertTrue(legacy.get("init_containers_uuids").isArray() && legacy.get("init_containers_uuids").isEmpty());
        assertEquals("", legacy.get("capsule_version").asText());
        // everything else as from 1.32 on
        assertEquals("u1", legacy.get("uuid").asText());
        assertEquals("Running", legacy.get("status").asText());
        assertEquals("128", legacy.get("memory").asText());
        assertFalse(legacy.has("host"), "the host stays the admin's");
    }

    @Test
    void aRestartPolicyWithoutANameIsLeftOutAsZunLeavesIt() {
        ObjectNode legacy = LegacyCapsuleShape.of(view(new CapsuleView.RestartPolicyView(null, "0")), json);

        assertFalse(legacy.has("restart_policy"));
    }
}
