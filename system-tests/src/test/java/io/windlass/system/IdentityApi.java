package io.windlass.system;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * The Keystone v3 API of a running system: issues tokens the way the OpenStack clients do
 * (password, project scope by name and domain name) and onboards tenants through the admin
 * API, as an operator would with {@code openstack project create / user create / role add}.
 */
public final class IdentityApi {
    private static final RestAssuredConfig TIMEOUTS = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 5_000)
            .setParam("http.socket.timeout", 30_000));

    private final String authUrl;

    /** {@code authUrl} is what {@code OS_AUTH_URL} would be, e.g. {@code http://127.0.0.1:28774/v3}. */
    public IdentityApi(String authUrl) {
        this.authUrl = authUrl;
    }

    public String authUrl() {
        return authUrl;
    }

    /** {@code POST /auth/tokens} with the body of CLIENTS.md §1.2; the response whatever its status. */
    public Response authenticate(Credentials credentials) {
        Map<String, Object> domain = Map.of("name", "Default");
        Map<String, Object> body = Map.of("auth", Map.of(
                "identity", Map.of("methods", List.of("password"),
                        "password", Map.of("user", Map.of("name", credentials.user(),
                                "password", credentials.password(), "domain", domain))),
                "scope", Map.of("project", Map.of("name", credentials.project(), "domain", domain))));
        return given().config(TIMEOUTS).baseUri(authUrl)
                .contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(body).post("/auth/tokens");
    }

    /** A project-scoped token ({@code X-Subject-Token}); fails the test if authentication fails. */
    public String issueToken(Credentials credentials) {
        Response response = authenticate(credentials);
        if (response.statusCode() != 201) {
            throw new AssertionError("authentication of " + credentials.user() + " answered "
                    + response.statusCode() + ": " + response.asString());
        }
        return response.header("X-Subject-Token");
    }

    /**
     * Creates a project and a user in it holding {@code role}, with the admin's token, and
     * returns the user's credentials.
     */
    public Credentials onboard(String adminToken, String project, String user, String role) {
        String password = "pw-" + user;
        String projectId = created(admin(adminToken).body(Map.of("project", Map.of("name", project, "enabled", true)))
                .post("/projects"), "project");
        String userId = created(admin(adminToken).body(Map.of("user", Map.of("name", user, "password", password,
                        "default_project_id", projectId, "enabled", true)))
                .post("/users"), "user");
        grant(adminToken, projectId, userId, role);
        return new Credentials(user, password, project);
    }

    /** Adds a user with {@code role} to an existing project; returns the user's credentials. */
    public Credentials addUser(String adminToken, String project, String user, String role) {
        String projectId = admin(adminToken).queryParam("name", project).get("/projects")
                .then().statusCode(200).extract().jsonPath().getString("projects[0].id");
        String password = "pw-" + user;
        String userId = created(admin(adminToken).body(Map.of("user", Map.of("name", user, "password", password,
                        "default_project_id", projectId, "enabled", true)))
                .post("/users"), "user");
        grant(adminToken, projectId, userId, role);
        return new Credentials(user, password, project);
    }

    private void grant(String adminToken, String projectId, String userId, String role) {
        String roleId = admin(adminToken).queryParam("name", role).get("/roles")
                .then().statusCode(200).extract().jsonPath().getString("roles[0].id");
        admin(adminToken).put("/projects/{p}/users/{u}/roles/{r}", projectId, userId, roleId)
                .then().statusCode(204);
    }

    private RequestSpecification admin(String adminToken) {
        return given().config(TIMEOUTS).baseUri(authUrl).header("X-Auth-Token", adminToken)
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    private static String created(Response response, String kind) {
        if (response.statusCode() != 201) {
            throw new AssertionError("creating a " + kind + " answered " + response.statusCode() + ": "
                    + response.asString());
        }
        return response.jsonPath().getString(kind + ".id");
    }
}
