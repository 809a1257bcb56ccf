package io.windlass.testing;

import io.restassured.response.Response;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Drives the identity API like a client would: tokens, and onboarding of projects and users. */
public final class Keystone {
    private Keystone() {
    }

    public static String passwordBody(String user, String password, String project) {
        return "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": {\"name\": \""
                + user + "\", \"password\": \"" + password + "\", \"domain\": {\"name\": \"Default\"}}}},"
                + " \"scope\": {\"project\": {\"name\": \"" + project + "\", \"domain\": {\"id\": \"default\"}}}}}";
    }

    public static Response issue(String user, String password, String project) {
        return given().contentType("application/json").body(passwordBody(user, password, project))
                .when().post("/v3/auth/tokens");
    }

    public static String token(String user, String password, String project) {
        return issue(user, password, project).then().statusCode(201).extract().header("X-Subject-Token");
    }

    public static String adminToken() {
        return token("admin", RealTokens.ADMIN_PASSWORD, "admin");
    }

    /** A new project; returns its id. */
    public static String createProject(String adminToken, String name) {
        return given().header("X-Auth-Token", adminToken).contentType("application/json")
                .body("{\"project\": {\"name\": \"" + name + "\", \"enabled\": true, \"options\": {}, \"tags\": []}}")
                .when().post("/v3/projects").then().statusCode(201).extract().path("project.id");
    }

    /** A new user with the given role on the project; returns the user id. */
    public static String createUser(String adminToken, String name, String password, String projectId, String role) {
        String userId = given().header("X-Auth-Token", adminToken).contentType("application/json")
                .body("{\"user\": {\"name\": \"" + name + "\", \"default_project_id\": \"" + projectId
                        + "\", \"password\": \"" + password + "\", \"enabled\": true, \"options\": {}}}")
                .when().post("/v3/users").then().statusCode(201).extract().path("user.id");
        String roleId = given().header("X-Auth-Token", adminToken).queryParam("name", role)
                .when().get("/v3/roles").then().statusCode(200).extract().path("roles[0].id");
        given().header("X-Auth-Token", adminToken)
                .when().put("/v3/projects/" + projectId + "/users/" + userId + "/roles/" + roleId)
                .then().statusCode(204);
        return userId;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
