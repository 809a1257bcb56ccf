package io.windlass.container.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.windlass.container.ContainerStatus;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.testing.ContainerRows;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a project member (no admin role) may and may not do. */
@QuarkusTest
@TestProfile(NonAdminPolicyIT.MemberOfTeamA.class)
class NonAdminPolicyIT {
    @Inject
    ContainerRows rows;

    /** Every request acts as a plain member of project team-a. */
    public static class MemberOfTeamA implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("windlass.api.default-context.project-id", "team-a",
                    "windlass.api.default-context.user-id", "alice",
                    "windlass.api.default-context.roles", "member,reader");
        }
    }

    @Test
    void adminOnlyFieldsAreHiddenAndFiltersDenied() {
        ContainerEntity mine = rows.insert("mine", ContainerStatus.RUNNING, "node1", c -> c.projectId = "team-a");
        given().when().get("/container/v1/containers/" + mine.uuid)
                .then().statusCode(200)
                .body("project_id", equalTo("team-a"))
                .body("$", not(hasKey("host")))
                .body("$", not(hasKey("image_pull_policy")))
                .body("$", not(hasKey("runtime")))
                .body("$", hasKey("task_state"));
        given().queryParam("host", "node1").when().get("/container/v1/containers")
                .then().statusCode(403).body("errors[0].code", equalTo("container.policy-not-authorized"));
        given().queryParam("all_projects", "true").when().get("/container/v1/containers")
                .then().statusCode(403);
    }

    @Test
    void otherProjectsContainersAreInvisible() {
        ContainerEntity theirs = rows.insert("theirs", ContainerStatus.STOPPED, "node1", c -> c.projectId = "team-b");
        given().when().get("/container/v1/containers/" + theirs.uuid)
                .then().statusCode(404);
        given().when().delete("/container/v1/containers/" + theirs.uuid)
                .then().statusCode(404);
        assertEquals(ContainerStatus.STOPPED, rows.find(theirs.uuid).orElseThrow().status);
    }

    @Test
    void forceDeleteAndPullPolicyAreAdminOnly() {
        ContainerEntity mine = rows.insert("forced", ContainerStatus.RUNNING, "node1", c -> c.projectId = "team-a");
        given().header("OpenStack-API-Version", "container 1.40")
                .when().delete("/container/v1/containers/" + mine.uuid + "?force=true")
                .then().statusCode(403)
                .body("errors[0].detail", equalTo("Policy doesn't allow container:delete_force to be performed."));
        long before = rows.count();
        given().contentType("application/json").body("{\"image\": \"busybox\", \"image_pull_policy\": \"always\"}")
                .when().post("/container/v1/containers")
                .then().statusCode(403);
        assertEquals(before, rows.count());
    }
}
