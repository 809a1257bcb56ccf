package io.windlass.policy;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import io.windlass.container.ContainerStatus;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.testing.ContainerRows;
import io.windlass.testing.Keystone;
import io.windlass.testing.RealTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Walks every containers action with real tokens for admin, member, reader, a member of
 * another project, and no token. Allowed actions are checked only to get past policy
 * (the status code of the state machine or the conductor does not matter here).
 */
@QuarkusTest
@TestProfile(RealTokens.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerPolicyWalkIT {
    @Inject
    ContainerRows rows;

    private String projectId;
    private final Map<String, String> tokens = new LinkedHashMap<>();

    /** Built on first use: REST Assured only knows the test port once a test runs. */
    private void personas() {
        if (!tokens.isEmpty()) {
            return;
        }
        String admin = Keystone.adminToken();
        String name = Keystone.unique("walk");
        projectId = Keystone.createProject(admin, name);
        String other = Keystone.unique("other");
        String otherProject = Keystone.createProject(admin, other);
        Keystone.createUser(admin, name + "-m", "pw", projectId, "member");
        Keystone.createUser(admin, name + "-r", "pw", projectId, "reader");
        Keystone.createUser(admin, other + "-m", "pw", otherProject, "member");
        tokens.put("admin", admin);
        tokens.put("member", Keystone.token(name + "-m", "pw", name));
        tokens.put("reader", Keystone.token(name + "-r", "pw", name));
        tokens.put("other", Keystone.token(other + "-m", "pw", other));
    }

    private Map<String, Function<String, Integer>> actions() {
        Map<String, Function<String, Integer>> a = new LinkedHashMap<>();
        a.put("list", uuid -> call(null).get("/container/v1/containers").statusCode());
        a.put("show", uuid -> call(null).get("/container/v1/containers/" + uuid).statusCode());
        a.put("stats", uuid -> call(null).get("/container/v1/containers/" + uuid + "/stats").statusCode());
        // no agent serves node-walk: a caller the policy lets through waits for a 503
        a.put("logs", uuid -> call(null).get("/container/v1/containers/" + uuid + "/logs").statusCode());
        // calls into the container: members and admins pass the policy (then a Stopped container is a 409
        // for execute and top, a 503 from node-walk for the archives); readers are refused, as for logs
        a.put("execute", uuid -> call(null).post("/container/v1/containers/" + uuid + "/execute?command=ls")
                .statusCode());
        a.put("execute_resize", uuid -> call(null).post("/container/v1/containers/" + uuid
                + "/execute_resize?h=24&w=80&exec_id=" + "a".repeat(64)).statusCode());
        a.put("execute_interactive", uuid -> call(null).post("/container/v1/containers/" + uuid
                + "/execute?command=sh&interactive=true").statusCode());
        a.put("attach", uuid -> call(null).get("/container/v1/containers/" + uuid + "/attach").statusCode());
        a.put("resize", uuid -> call(null).post("/container/v1/containers/" + uuid + "/resize?h=24&w=80")
                .statusCode());
        a.put("logs_follow", uuid -> call(null).get("/container/v1/containers/" + uuid + "/logs?follow=true")
                .statusCode());
        a.put("top", uuid -> call(null).get("/container/v1/containers/" + uuid + "/top").statusCode());
        a.put("get_archive", uuid -> call(null).get("/container/v1/containers/" + uuid + "/get_archive?path=/etc")
                .statusCode());
        a.put("put_archive", uuid -> call("{\"path\": \"/tmp\", \"data\": \"\"}")
                .post("/container/v1/containers/" + uuid + "/put_archive").statusCode());
        for (String verb : new String[]{"start", "stop", "pause", "unpause", "reboot", "kill"}) {
            a.put(verb, uuid -> call(null).post("/container/v1/containers/" + uuid + "/" + verb).statusCode());
        }
        a.put("rename", uuid -> call(null).post("/container/v1/containers/" + uuid + "/rename?name=renamed")
                .statusCode());
        a.put("update", uuid -> call("{\"name\": \"patched\"}").patch("/container/v1/containers/" + uuid)
                .statusCode());
        a.put("delete", uuid -> call(null).delete("/container/v1/containers/" + uuid).statusCode());
        a.put("delete_force", uuid -> call(null).header("OpenStack-API-Version", "container 1.7")
                .delete("/container/v1/containers/" + uuid + "?force=true").statusCode());
        a.put("list_all_projects", uuid -> call(null).get("/container/v1/containers?all_projects=1").statusCode());
        a.put("create", uuid -> call("{\"image\": \"busybox\"}").post("/container/v1/containers").statusCode());
        return a;
    }

    private String currentToken;

    private RequestSpecification call(String body) {
        RequestSpecification spec = given();
        if (currentToken != null) {
            spec = spec.header("X-Auth-Token", currentToken);
        }
        if (body != null) {
            spec = spec.contentType("application/json").body(body);
        }
        return spec.when();
    }

    @Test
    void everyActionForEveryPersona() {
        personas();
        Map<String, String> readOnly = Map.of("list", "", "show", "", "stats", "");
        Map<String, String> adminOnly = Map.of("delete_force", "", "list_all_projects", "");
        for (var action : actions().entrySet()) {
            String a = action.getKey();
            for (String persona : new String[]{"admin", "member", "reader", "other", "none"}) {
                ContainerEntity c = rows.insert("walk", ContainerStatus.STOPPED, "node-walk",
                        row -> row.projectId = projectId);
                currentToken = tokens.get(persona);
                int status = action.getValue().apply(c.uuid.toString());
                String where = a + " as " + persona;
                switch (persona) {
                    case "none" -> assertEquals(401, status, where);
                    case "admin" -> assertNotPolicyFailure(status, where);
                    case "member" -> {
                        if (adminOnly.containsKey(a)) {
                            assertEquals(403, status, where);
                        } else {
                            assertNotPolicyFailure(status, where);
                        }
                    }
                    case "reader" -> {
                        if (readOnly.containsKey(a) || a.equals("list")) {
                            assertNotPolicyFailure(status, where);
                        } else {
                            assertEquals(403, status, where);
                        }
                    }
                    case "other" -> {
                        // another project's container does not exist for them; their own list/create is fine
                        if (a.equals("list") || a.equals("create")) {
                            assertNotPolicyFailure(status, where);
                        } else if (adminOnly.containsKey(a)) {
                            assertEquals(a.equals("list_all_projects") ? 403 : 404, status, where);
                        } else {
                            assertEquals(404, status, where);
                        }
                    }
                    default -> throw new IllegalStateException(persona);
                }
            }
        }
    }

    @Test
    void tenantsSeeOnlyTheirOwnContainers() {
        personas();
        ContainerEntity mine = rows.insert("iso", ContainerStatus.STOPPED, "node-walk", r -> r.projectId = projectId);
        given().header("X-Auth-Token", tokens.get("other")).when().get("/container/v1/containers")
                .then().statusCode(200).body("containers.findAll { it.uuid == '" + mine.uuid + "' }.size()",
                        equalTo(0));
        given().header("X-Auth-Token", tokens.get("member")).when().get("/container/v1/containers/" + mine.uuid)
                .then().statusCode(200).body("project_id", equalTo(projectId));
        given().header("X-Auth-Token", tokens.get("admin")).when().get("/container/v1/containers?all_projects=1")
                .then().statusCode(200).body("containers.findAll { it.uuid == '" + mine.uuid + "' }.size()",
                        equalTo(1));
    }

    private static void assertNotPolicyFailure(int status, String where) {
        if (status == 401 || status == 403) {
            throw new AssertionError(where + " was refused with " + status);
        }
    }
}
