package io.windlass.identity.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.windlass.testing.Keystone;
import io.windlass.testing.RealTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;

/**
 * Tokens are self-contained, so what an admin changes must end the tokens already issued:
 * removing a role, disabling or deleting a user or a project, a new password. New tokens,
 * even issued in the same second, carry what is left.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class RevocationEventsIT {
    private String admin;
    private String name;
    private String projectId;
    private String userId;

    @BeforeEach
    void userWithMemberAndReaderOnAProject() {
        admin = Keystone.adminToken();
        name = Keystone.unique("revoke");
        projectId = Keystone.createProject(admin, name);
        userId = Keystone.createUser(admin, name, "pw", projectId, "member");
        given().header("X-Auth-Token", admin)
                .when().put("/v3/projects/" + projectId + "/users/" + userId + "/roles/" + roleId("reader"))
                .then().statusCode(204);
    }

    @Test
    void removingARoleEndsTheUsersTokensOnThatProjectAndNewOnesCarryTheRest() {
        String before = Keystone.token(name, "pw", name);
        assertValid(before);

        given().header("X-Auth-Token", admin)
                .when().delete("/v3/projects/" + projectId + "/users/" + userId + "/roles/" + roleId("member"))
                .then().statusCode(204);

        assertRevoked(before);
        given().header("X-Auth-Token", before).when().get("/container/v1/containers").then().statusCode(401);
        String after = Keystone.token(name, "pw", name);
        assertValid(after);
        given().header("X-Auth-Token", admin).header("X-Subject-Token", after)
                .when().get("/v3/auth/tokens").then().statusCode(200)
                .body("token.roles.name", contains("reader"));
        assertValid(admin);
    }

    @Test
    void aNewPasswordEndsTheOldTokens() {
        String before = Keystone.token(name, "pw", name);

        given().header("X-Auth-Token", admin).contentType("application/json")
                .body("{\"user\": {\"password\": \"pw2\"}}")
                .when().patch("/v3/users/" + userId).then().statusCode(200);

        assertRevoked(before);
        assertValid(Keystone.token(name, "pw2", name));
    }

    @Test
    void disablingOrDeletingTheUserEndsItsTokens() {
        String first = Keystone.token(name, "pw", name);
        given().header("X-Auth-Token", admin).contentType("application/json")
                .body("{\"user\": {\"enabled\": false}}")
                .when().patch("/v3/users/" + userId).then().statusCode(200);
        assertRevoked(first);

        given().header("X-Auth-Token", admin).contentType("application/json")
                .body("{\"user\": {\"enabled\": true}}")
                .when().patch("/v3/users/" + userId).then().statusCode(200);
        String second = Keystone.token(name, "pw", name);
        assertValid(second);
        given().header("X-Auth-Token", admin).when().delete("/v3/users/" + userId).then().statusCode(204);
        assertRevoked(second);
    }

    @Test
    void disablingTheProjectEndsEveryonesTokensOnItButNotElsewhere() {
        String onProject = Keystone.token(name, "pw", name);

        given().header("X-Auth-Token", admin).contentType("application/json")
                .body("{\"project\": {\"enabled\": false}}")
                .when().patch("/v3/projects/" + projectId).then().statusCode(200);

        assertRevoked(onProject);
        assertValid(admin);
    }

    private void assertValid(String token) {
        given().header("X-Auth-Token", admin).header("X-Subject-Token", token)
                .when().get("/v3/auth/tokens").then().statusCode(200);
    }

    private void assertRevoked(String token) {
        given().header("X-Auth-Token", admin).header("X-Subject-Token", token)
                .when().get("/v3/auth/tokens").then().statusCode(404);
    }

    private String roleId(String role) {
        return given().header("X-Auth-Token", admin).queryParam("name", role)
                .when().get("/v3/roles").then().statusCode(200).extract().path("roles[0].id");
    }
}
