package io.windlass.registry.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.registry.RegistryPasswordCipher;
import io.windlass.testing.ContainerRows;
import io.windlass.testing.Keystone;
import io.windlass.testing.RealTokens;
import io.windlass.testing.RpcQueueProbe;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Zun's {@code /v1/registries} with real tokens (a member, a reader, a member of another project, the admin):
 * shapes, policies, the password never shown nor stored as given, 400/404/409, and a container's {@code registry}.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistriesIT {
    private static final String DOMAIN = "127.0.0.1:5999";
    @Inject
    EntityManager em;
    @Inject
    RegistryPasswordCipher cipher;
    @Inject
    ContainerRows rows;
    @Inject
    ObjectMapper json;

    private String admin;
    private String member;
    private String reader;
    private String stranger;
    private String projectId;
    private String memberId;

    /** Made before the first test, not in a BeforeAll: REST Assured only knows the test port once a test runs. */
    @BeforeEach
    void personas() {
        if (admin != null) {
            return;
        }
        admin = Keystone.adminToken();
        String name = Keystone.unique("reg");
        projectId = Keystone.createProject(admin, name);
        String other = Keystone.unique("reg-other");
        String otherProject = Keystone.createProject(admin, other);
        memberId = Keystone.createUser(admin, name + "-m", "pw", projectId, "member");
        Keystone.createUser(admin, name + "-r", "pw", projectId, "reader");
        Keystone.createUser(admin, other + "-m", "pw", otherProject, "member");
        member = Keystone.token(name + "-m", "pw", name);
        reader = Keystone.token(name + "-r", "pw", name);
        stranger = Keystone.token(other + "-m", "pw", other);
    }

    private static RequestSpecification as(String token) {
        return given().header("X-Auth-Token", token).contentType("application/json");
    }

    private String create(String token, String body) {
        return as(token).body(body).when().post("/container/v1/registries").then().statusCode(201)
                .extract().path("registry.uuid");
    }

    private String sealedPassword(String uuid) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT password FROM registries WHERE uuid = :u").setParameter("u", UUID.fromString(uuid))
                .getSingleResult());
    }

    private void gone(String container) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM containers WHERE uuid = :u")
                .setParameter("u", UUID.fromString(container)).executeUpdate());
    }

    @Test
    void memberMakesShowsChangesAndDeletesARegistryWhosePasswordIsNeverShown() {
        String name = Keystone.unique("r");
        Response made = as(member).body("{\"registry\": {\"name\": \"" + name + "\", \"domain\": \"" + DOMAIN
                        + "\", \"username\": \"alice\", \"password\": \"s3cret-pw\"}}")
                .when().post("/container/v1/registries");
        made.then().statusCode(201)
                .header("Location", containsString("/container/v1/registries/"))
                .body("registry.name", equalTo(name))
                .body("registry.domain", equalTo(DOMAIN))
                .body("registry.username", equalTo("alice"))
                .body("registry.password", equalTo("***"))
                .body("registry.project_id", equalTo(projectId))
                .body("registry.user_id", equalTo(memberId))
                .body("registry.links[0].rel", equalTo("self"))
                .body("registry.links[1].rel", equalTo("bookmark"))
                .body("registry", not(org.hamcrest.Matchers.hasKey("id")));
        assertFalse(made.asString().contains("s3cret-pw"));
        String uuid = made.path("registry.uuid");
        assertTrue(made.header("Location").endsWith(uuid));

        // stored sealed, never as given; the conductor's key opens it
        String sealed = sealedPassword(uuid);
        assertTrue(sealed.startsWith("v1:"), sealed);
        assertFalse(sealed.contains("s3cret-pw"));
        assertEquals("s3cret-pw", cipher.open(UUID.fromString(uuid), sealed));

        // readers see it, by uuid and by name, always with ***
        as(reader).when().get("/container/v1/registries/" + uuid).then().statusCode(200)
                .body("registry.uuid", equalTo(uuid)).body("registry.password", equalTo("***"));
        as(reader).when().get("/container/v1/registries/" + name).then().statusCode(200)
                .body("registry.uuid", equalTo(uuid));
        as(reader).when().get("/container/v1/registries").then().statusCode(200)
                .body("registries.uuid", hasItem(uuid)).body("registries.password", not(hasItem(not("***"))))
                .body("next", nullValue());
        as(reader).queryParam("username", "alice").when().get("/container/v1/registries").then().statusCode(200)
                .body("registries.uuid", hasItem(uuid));
        as(reader).queryParam("username", "bob").when().get("/container/v1/registries").then().statusCode(200)
                .body("registries.uuid", not(hasItem(uuid)));

        // readers change nothing
        as(reader).body("{\"registry\": {\"domain\": \"x\"}}").when().post("/container/v1/registries")
                .then().statusCode(403).body("errors[0].code", equalTo("container.policy-not-authorized"));
        as(reader).body("{\"registry\": {\"name\": \"nope\"}}").when().patch("/container/v1/registries/" + uuid)
                .then().statusCode(403);
        as(reader).when().delete("/container/v1/registries/" + uuid).then().statusCode(403);

        // the update seals the new password; the answer still hides it
        Response patched = as(member).body("{\"registry\": {\"password\": \"n3w-pw\", \"username\": \"bob\"}}")
                .when().patch("/container/v1/registries/" + uuid);
        patched.then().statusCode(200).body("registry.username", equalTo("bob"))
                .body("registry.password", equalTo("***")).body("registry.name", equalTo(name));
        assertFalse(patched.asString().contains("n3w-pw"));
        assertEquals("n3w-pw", cipher.open(UUID.fromString(uuid), sealedPassword(uuid)));

        as(member).when().delete("/container/v1/registries/" + name).then().statusCode(204);
        as(member).when().get("/container/v1/registries/" + uuid).then().statusCode(404)
                .body("errors[0].detail", equalTo("Registry " + uuid + " could not be found."));
    }

    @Test
    void anotherProjectsRegistryIsNotFoundButAdminsSeeEveryProject() {
        String uuid = create(member, "{\"registry\": {\"domain\": \"" + DOMAIN + "\"}}");
        as(stranger).when().get("/container/v1/registries/" + uuid).then().statusCode(404)
                .body("errors[0].code", equalTo("container.registry-not-found"));
        as(stranger).when().delete("/container/v1/registries/" + uuid).then().statusCode(404);
        as(stranger).body("{\"registry\": {\"name\": \"mine\"}}").when().patch("/container/v1/registries/" + uuid)
                .then().statusCode(404);
        as(stranger).when().get("/container/v1/registries").then().statusCode(200)
                .body("registries.uuid", not(hasItem(uuid)));
        as(stranger).queryParam("all_projects", "true").when().get("/container/v1/registries").then().statusCode(403);

        as(admin).when().get("/container/v1/registries/" + uuid).then().statusCode(200)
                .body("registry.project_id", equalTo(projectId)).body("registry.username", nullValue())
                .body("registry.password", equalTo("***"));
        as(admin).when().get("/container/v1/registries").then().statusCode(200)
                .body("registries.uuid", not(hasItem(uuid)));
        as(admin).queryParam("all_projects", "1").queryParam("project_id", projectId)
                .when().get("/container/v1/registries").then().statusCode(200).body("registries.uuid", hasItem(uuid));
        assertEquals(null, sealedPassword(uuid));
    }

    @Test
    void listPagesByTheSortKeyWithANextLink() {
        String name = Keystone.unique("page");
        String a = create(member, "{\"registry\": {\"name\": \"" + name + "\", \"domain\": \"a.example\"}}");
        String b = create(member, "{\"registry\": {\"name\": \"" + name + "\", \"domain\": \"b.example\"}}");
        Response first = as(member).queryParam("name", name).queryParam("limit", "1").queryParam("sort_key", "domain")
                .queryParam("sort_dir", "desc").when().get("/container/v1/registries");
        first.then().statusCode(200).body("registries.uuid", equalTo(List.of(b)))
                .body("next", containsString("marker=" + b));
        as(member).queryParam("name", name).queryParam("limit", "1").queryParam("sort_key", "domain")
                .queryParam("sort_dir", "desc").queryParam("marker", b).when().get("/container/v1/registries")
                .then().statusCode(200).body("registries.uuid", equalTo(List.of(a)));
        // two of one name: Zun's 409 asks for the uuid
        as(member).when().get("/container/v1/registries/" + name).then().statusCode(409)
                .body("errors[0].detail", equalTo("Multiple registries exist with same name. Please use the registry "
                        + "uuid instead."));
    }

    @Test
    void malformedRequestsAre400sNamingWhatIsWrong() {
        String[][] bodies = {
                {"{\"domain\": \"" + DOMAIN + "\"}", "'registry'"},
                {"{\"registry\": {\"name\": \"reg\"}}", "'domain'"},
                {"{\"registry\": {\"domain\": \"\"}}", "'registry.domain'"},
                {"{\"registry\": {\"domain\": \"d\", \"name\": \"-x\"}}", "'registry.name'"},
                {"{\"registry\": {\"domain\": \"d\", \"password\": \"\"}}", "'registry.password'"},
                {"{\"registry\": {\"domain\": \"d\", \"email\": \"a@b\"}}", "'email'"}};
        for (String[] b : bodies) {
            as(member).body(b[0]).when().post("/container/v1/registries").then().statusCode(400)
                    .body("errors[0].detail", containsString(b[1]));
        }
        as(member).queryParam("colour", "red").when().get("/container/v1/registries").then().statusCode(400)
                .body("errors[0].detail", equalTo("Unknown parameters: colour"));
        as(member).queryParam("sort_key", "password").when().get("/container/v1/registries").then().statusCode(400);
        as(member).when().get("/container/v1/registries/no-such-registry").then().statusCode(404)
                .body("errors[0].detail", equalTo("Registry no-such-registry could not be found."));
    }

    @Test
    void aContainerPullsFromItsRegistryWhichCannotBeDeletedWhileItHasOne() throws Exception {
        String name = Keystone.unique("pull");
        String uuid = create(member, "{\"registry\": {\"name\": \"" + name + "\", \"domain\": \"" + DOMAIN
                + "\", \"username\": \"alice\", \"password\": \"pw\"}}");
        String container = as(member).header("OpenStack-API-Version", "container 1.31")
                .body("{\"image\": \"tiny:1\", \"registry\": \"" + name + "\"}")
                .when().post("/container/v1/containers").then().statusCode(202)
                .body("registry_id", equalTo(uuid)).body("image", equalTo("tiny:1")).extract().path("uuid");
        ContainerEntity row = rows.find(UUID.fromString(container)).orElseThrow();
        assertEquals(UUID.fromString(uuid), row.registryId);
        as(reader).when().get("/container/v1/containers/" + container).then().statusCode(200)
                .body("registry_id", equalTo(uuid));

        as(member).when().delete("/container/v1/registries/" + uuid).then().statusCode(409)
                .body("errors[0].detail", equalTo("Failed to delete registry " + uuid + " since it is in use."));
        // the container gone (as the conductor deletes its row once its host removed it), the registry is free
        gone(container);
        as(member).when().delete("/container/v1/registries/" + uuid).then().statusCode(204);
    }

    @Test
    void aContainerOfAnUnknownForeignOrOtherDomainsRegistryIsRefusedAndNothingIsMade() throws Exception {
        String mine = create(member, "{\"registry\": {\"domain\": \"" + DOMAIN + "\"}}");
        String theirs = create(stranger, "{\"registry\": {\"domain\": \"" + DOMAIN + "\"}}");
        String[][] refused = {
                {"{\"image\": \"tiny\", \"registry\": \"no-such-registry\"}", "404",
                        "Registry no-such-registry could not be found."},
                {"{\"image\": \"tiny\", \"registry\": \"" + theirs + "\"}", "404",
                        "Registry " + theirs + " could not be found."},
                {"{\"image\": \"other.example/tiny\", \"registry\": \"" + mine + "\"}", "400", "'image'"}};
        for (String[] r : refused) {
            try (RpcQueueProbe conductor = RpcQueueProbe.on("conductor", json)) {
                long before = rows.count();
                as(member).header("OpenStack-API-Version", "container 1.40").body(r[0])
                        .when().post("/container/v1/containers").then().statusCode(Integer.parseInt(r[1]))
                        .body("errors[0].code", startsWith("container."))
                        .body("errors[0].detail", containsString(r[2]));
                assertEquals(before, rows.count(), "no row may be left behind: " + r[0]);
                assertTrue(conductor.drain().isEmpty(), "nothing may reach the conductor: " + r[0]);
            }
        }
        // the registry's own domain named in full is its image too
        String container = as(member).header("OpenStack-API-Version", "container 1.40")
                .body("{\"image\": \"" + DOMAIN + "/tiny\", \"registry\": \"" + mine + "\"}")
                .when().post("/container/v1/containers").then().statusCode(202).body("registry_id", equalTo(mine))
                .extract().path("uuid");
        gone(container);
        as(member).when().get("/container/v1/registries/" + mine).then().statusCode(200)
                .body("registry.domain", endsWith("5999"));
    }
}
