package io.windlass.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.windlass.server.VmState;
import io.windlass.testing.Keystone;
import io.windlass.testing.ProjectMember;
import io.windlass.testing.RealTokens;
import io.windlass.testing.ServerRows;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Nova's {@code os-server-password}: no guest posts an encrypted password here, so it is always
 * the empty string; clearing answers 204; readers look, members clear, other projects see nothing.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class ServerPasswordIT {
    @Inject
    ServerRows rows;

    @Test
    void theEmptyPasswordIsShownAndClearedByNovasPolicies() {
        ProjectMember users = ProjectMember.create("srvpw");
        UUID server = rows.insert(users.project(), "srvpw-host", VmState.ACTIVE);
        String path = "/compute/v2.1/servers/" + server + "/os-server-password";
        given().header("X-Auth-Token", users.member()).get(path).then().statusCode(200)
                .body("password", equalTo("")).body("size()", equalTo(1));
        given().header("X-Auth-Token", users.member()).delete(path).then().statusCode(204);
        given().header("X-Auth-Token", users.admin()).get(path).then().statusCode(200).body("password", equalTo(""));

        String readerName = users.projectName() + "-reader";
        Keystone.createUser(users.admin(), readerName, "pw", users.project(), "reader");
        String reader = Keystone.token(readerName, "pw", users.projectName());
        given().header("X-Auth-Token", reader).get(path).then().statusCode(200);
        given().header("X-Auth-Token", reader).delete(path).then().statusCode(403).body("forbidden.message",
                equalTo("Policy doesn't allow os_compute_api:os-server-password:clear to be performed."));

        ProjectMember stranger = ProjectMember.create("srvpw-other");
        given().header("X-Auth-Token", stranger.member()).get(path).then().statusCode(404);
        given().header("X-Auth-Token", stranger.member()).delete(path).then().statusCode(404);
        given().header("X-Auth-Token", users.member())
                .get("/compute/v2.1/servers/" + UUID.randomUUID() + "/os-server-password").then().statusCode(404);
    }
}
