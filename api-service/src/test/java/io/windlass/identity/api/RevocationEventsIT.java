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

        patch("/v3/users/" + userId, "{\"user\": {\"password\": \"pw2\"}}");

        assertRevoked(before);
        assertValid(Keystone.token(name, "pw2", name));
    }

    @Test
    void disablingOrDeletingTheUserEndsItsTokens() {
        String first = Keystone.token(name, "pw", name);
        patch("/v3/users/" + userId, "{\"user\": {\"enabled\": false}}");
        assertRevoked(first);

        patch("/v3/users/" + userId, "{\"user\": {\"enabled\": true}}");
        String second = Keystone.token(name, "pw", name);
        assertValid(second);
        given().header("X-Auth-Token", admin).when().delete("/v3/users/" + userId).then().statusCode(204);
        assertRevoked(second);
    }

    @Test
    void disablingTheProjectEndsEveryonesTokensOnItButNotElsewhere() {
        String onProject = Keystone.token(name, "pw", name);

        patch("/v3/projects/" + projectId, "{\"project\": {\"enabled\": false}}");

        assertRevoked(onProject);
        assertValid(admin);
    }

    private void patch(String path, String body) {
        given().header("X-Auth-Token", admin).contentType("application/json").body(body)
                .when().patch(path).then().statusCode(200);
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
