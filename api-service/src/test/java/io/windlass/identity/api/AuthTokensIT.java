package io.windlass.identity.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.windlass.identity.service.TokenClaims;
import io.windlass.identity.service.TokenCodec;
import io.windlass.testing.Keystone;
import io.windlass.testing.RealTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

/** Keystone v3 discovery and token life cycle, as keystoneauth drives them. */
@QuarkusTest
@TestProfile(RealTokens.class)
class AuthTokensIT {
    @Inject
    TokenCodec codec;

    @Test
    void versionDocumentsAtRootAndUnderIdentity() {
        given().when().get("/").then().statusCode(300)
                .body("versions.values[0].id", equalTo("v3.14"))
                .body("versions.values[0].links[0].href", endsWith("/v3/"));
        given().when().get("/v3").then().statusCode(200)
                .body("version.status", equalTo("stable"))
                .body("version.media-types[0].type", equalTo("application/vnd.openstack.identity-v3+json"));
        given().when().get("/identity").then().statusCode(300)
                .body("versions.values[0].links[0].href", endsWith("/identity/v3/"));
        given().when().get("/identity/v3/").then().statusCode(200)
                .body("version.links[0].href", endsWith("/identity/v3/"));
        given().when().get("/container").then().statusCode(200).body("versions[0].id", equalTo("v1"));
    }

    @Test
    void passwordTokenScopedByNameCarriesRolesAndCatalog() {
        Keystone.issue("admin", RealTokens.ADMIN_PASSWORD, "admin").then().statusCode(201)
                .header("X-Subject-Token", notNullValue())
                .body("token.methods", equalTo(List.of("password")))
                .body("token.expires_at", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"))
                .body("token.user.name", equalTo("admin"))
                .body("token.user.domain.name", equalTo("Default"))
                .body("token.project.name", equalTo("admin"))
                .body("token.project.domain.id", equalTo("default"))
                .body("token.is_domain", equalTo(false))
                .body("token.roles.name", containsInAnyOrder("admin", "member", "reader"))
                .body("token.audit_ids", hasSize(1))
                .body("token.catalog.type", containsInAnyOrder("identity", "compute", "container", "image", "network"))
                .body("token.catalog.find { it.type == 'container' }.endpoints", hasSize(3))
                .body("token.catalog.find { it.type == 'container' }.endpoints.find { it.interface == 'public' }.url",
                        endsWith("/container/v1"))
                .body("token.catalog.find { it.type == 'compute' }.endpoints[0].url", endsWith("/compute/v2.1"))
                .body("token.catalog.find { it.type == 'image' }.endpoints[0].region_id", equalTo("RegionOne"))
                .body("token.catalog.find { it.type == 'image' }.endpoints[0].region", equalTo("RegionOne"));
    }

    @Test
    void scopeByIdsAndUserById() {
        String projectId = given().header("X-Auth-Token", Keystone.adminToken()).queryParam("name", "admin")
                .when().get("/v3/projects").then().statusCode(200).extract().path("projects[0].id");
        String userId = given().header("X-Auth-Token", Keystone.adminToken()).queryParam("name", "admin")
                .when().get("/v3/users").then().statusCode(200).extract().path("users[0].id");
        given().contentType("application/json").body("{\"auth\": {\"identity\": {\"methods\": [\"password\"], "
                        + "\"password\": {\"user\": {\"id\": \"" + userId + "\", \"password\": \""
                        + RealTokens.ADMIN_PASSWORD + "\"}}}, \"scope\": {\"project\": {\"id\": \"" + projectId + "\"}}}}")
                .when().post("/identity/v3/auth/tokens").then().statusCode(201)
                .body("token.project.id", equalTo(projectId)).body("token.user.id", equalTo(userId));
        // no scope: the user's default project
        given().contentType("application/json").body("{\"auth\": {\"identity\": {\"methods\": [\"password\"], "
                        + "\"password\": {\"user\": {\"name\": \"admin\", \"domain\": {\"id\": \"default\"}, "
                        + "\"password\": \"" + RealTokens.ADMIN_PASSWORD + "\"}}}}}")
                .when().post("/v3/auth/tokens").then().statusCode(201).body("token.project.id", equalTo(projectId));
    }

    @Test
    void validateRescopeAndRevoke() {
        String admin = Keystone.adminToken();
        String other = Keystone.adminToken();
        given().header("X-Auth-Token", admin).header("X-Subject-Token", other)
                .when().get("/v3/auth/tokens").then().statusCode(200).body("token.user.name", equalTo("admin"));
        given().header("X-Auth-Token", admin).header("X-Subject-Token", other)
                .when().head("/v3/auth/tokens").then().statusCode(200);

        String rescoped = given().contentType("application/json").body("{\"auth\": {\"identity\": {\"methods\": "
                        + "[\"token\"], \"token\": {\"id\": \"" + other + "\"}}, \"scope\": {\"project\": "
                        + "{\"name\": \"admin\", \"domain\": {\"name\": \"Default\"}}}}}")
                .when().post("/v3/auth/tokens").then().statusCode(201)
                .body("token.methods", equalTo(List.of("token")))
                .body("token.audit_ids", hasSize(2))
                .extract().header("X-Subject-Token");

        given().header("X-Auth-Token", admin).header("X-Subject-Token", other)
                .when().delete("/v3/auth/tokens").then().statusCode(204);
        given().header("X-Auth-Token", admin).header("X-Subject-Token", other)
                .when().get("/v3/auth/tokens").then().statusCode(404);
        // the revoked token no longer opens the APIs, and neither does the token re-scoped from it
        given().header("X-Auth-Token", other).when().get("/container/v1/containers").then().statusCode(401)
                .header("WWW-Authenticate", matchesPattern("Keystone uri=\".*/identity\""))
                .body("errors[0].status", equalTo(401));
        given().header("X-Auth-Token", rescoped).when().get("/container/v1/containers").then().statusCode(401);
        given().header("X-Auth-Token", admin).when().get("/container/v1/containers").then().statusCode(200);
    }

    @Test
    void tamperedExpiredAndMissingTokensAre401() {
        String token = Keystone.adminToken();
        String tampered = token.substring(0, token.length() - 3) + (token.endsWith("AAA") ? "BBB" : "AAA");
        given().header("X-Auth-Token", tampered).when().get("/container/v1/containers").then().statusCode(401);
        TokenClaims claims = codec.decode(token).orElseThrow();
        long past = Instant.now().minusSeconds(60).getEpochSecond();
        String expired = codec.encode(new TokenClaims(claims.userId(), claims.projectId(), claims.roles(),
                claims.methods(), past - 3600, past, "expired-audit", null, null));
        given().header("X-Auth-Token", expired).when().get("/container/v1/containers").then().statusCode(401)
                .body("errors[0].detail", equalTo("The token has expired."));
        given().when().get("/container/v1/containers").then().statusCode(401)
                .header("WWW-Authenticate", notNullValue());
        given().when().get("/v3/projects").then().statusCode(401).body("error.code", equalTo(401))
                .body("error.title", equalTo("Unauthorized"));
        given().header("X-Auth-Token", expired).header("X-Subject-Token", token)
                .when().get("/v3/auth/tokens").then().statusCode(401);
    }

    @Test
    void badCredentialsAndMalformedBodies() {
        Keystone.issue("admin", "wrong", "admin").then().statusCode(401)
                .body("error.message", equalTo("The request you have made requires authentication."));
        Keystone.issue("nobody-" + System.nanoTime(), "pw", "admin").then().statusCode(401)
                .body("error.title", equalTo("Unauthorized"));
        given().contentType("application/json").body("{\"auth\": {}}").when().post("/v3/auth/tokens")
                .then().statusCode(400).body("error.code", equalTo(400));
        given().contentType("application/json").body("{not json").when().post("/v3/auth/tokens")
                .then().statusCode(400).body("error.title", equalTo("Bad Request"));
        given().contentType("application/json").body("{\"auth\": {\"identity\": {\"methods\": [\"password\"], "
                + "\"password\": {\"user\": {\"name\": \"admin\", \"password\": \"x\"}}}}}")
                .when().post("/v3/auth/tokens").then().statusCode(400);
    }

    @Test
    void repeatedFailuresLockTheUserOutForAWhile() throws InterruptedException {
        String admin = Keystone.adminToken();
        String project = Keystone.createProject(admin, Keystone.unique("lock"));
        String name = Keystone.unique("victim");
        Keystone.createUser(admin, name, "right-pw", project, "member");
        for (int i = 0; i < 3; i++) {
            Keystone.issue(name, "wrong", name).then().statusCode(401);
        }
        given().contentType("application/json").body(Keystone.passwordBody(name, "right-pw", "x"))
                .when().post("/v3/auth/tokens").then().statusCode(401)
                .body("error.message", matchesPattern("The account is locked for user: .*"));
        Thread.sleep(1_200);
        String projectName = given().header("X-Auth-Token", admin).when().get("/v3/projects/" + project)
                .then().extract().path("project.name");
        Keystone.issue(name, "right-pw", projectName).then().statusCode(201);
        // success clears the counter: one more failure does not lock again
        Keystone.issue(name, "wrong", projectName).then().statusCode(401);
        Keystone.issue(name, "right-pw", projectName).then().statusCode(201);
    }

    @Test
    void catalogOfTheCallersToken() {
        given().header("X-Auth-Token", Keystone.adminToken()).when().get("/v3/auth/catalog")
                .then().statusCode(200).body("catalog.type", hasItems("identity", "container"));
    }
}
