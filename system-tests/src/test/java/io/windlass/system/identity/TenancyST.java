package io.windlass.system.identity;

import io.restassured.response.Response;
import io.windlass.system.ContainersApi;
import io.windlass.system.Credentials;
import io.windlass.system.IdentityApi;
import io.windlass.system.WindlassSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tenants onboarded through the v3 admin API, as an operator would, are kept apart on the
 * deployed system: another project's container does not exist for them (404, never 403), and
 * a reader may look but not create.
 */
class TenancyST {

    @RegisterExtension
    static final WindlassSystem system = new WindlassSystem();

    private final ContainersApi admin = system.containers();
    private final IdentityApi identity = system.identity();

    @Test
    void memberOfAnotherProjectCannotSeeOrTouchTheContainerAndReaderCannotCreate() {
        Response created = admin.create(Map.of("name", "st-admins", "image", "busybox",
                "command", List.of("sleep", "3600")), false);
        assertEquals(202, created.statusCode(), created.asString());
        String uuid = ContainersApi.uuidOf(created);

        Credentials member = identity.onboard(system.adminToken(), "st-tenant-b", "st-member-b", "member");
        ContainersApi asMember = admin.as(identity.issueToken(member));

        assertZunError(404, asMember.show(uuid));
        assertZunError(404, asMember.show("st-admins"));
        assertZunError(404, asMember.action(uuid, "stop"));
        assertZunError(404, asMember.patch(uuid, Map.of("name", "stolen")));
        assertZunError(404, asMember.delete(uuid));
        assertFalse(asMember.list().stream().anyMatch(c -> uuid.equals(c.get("uuid"))),
                "another project's container is listed");
        // all_projects is admin-only
        assertZunError(403, asMember.request().queryParam("all_projects", 1).get("/containers"));

        Response own = asMember.create(Map.of("name", "st-admins", "image", "busybox",
                "command", List.of("sleep", "3600")), false);
        assertEquals(202, own.statusCode(), "a member creates in its own project (names are per project): "
                + own.asString());
        assertEquals(List.of(ContainersApi.uuidOf(own)),
                asMember.list().stream().map(c -> c.get("uuid")).toList());

        Credentials reader = identity.addUser(system.adminToken(), "st-tenant-b", "st-reader-b", "reader");
        ContainersApi asReader = admin.as(identity.issueToken(reader));
        assertZunError(403, asReader.create(Map.of("name", "st-readers", "image", "busybox"), false));
        assertEquals(200, asReader.show(ContainersApi.uuidOf(own)).statusCode(), "a reader may show");
        assertZunError(403, asReader.action(ContainersApi.uuidOf(own), "stop"));

        // the admin's container is untouched, and the admin still sees it
        Map<String, Object> mine = admin.find(uuid).orElseThrow();
        assertEquals("st-admins", mine.get("name"));
    }

    @Test
    void requestsWithoutATokenAreRefusedWithAKeystoneChallenge() {
        Response response = given().baseUri(admin.baseUri())
                .header("OpenStack-API-Version", ContainersApi.API_VERSION)
                .get("/containers");
        assertZunError(401, response);
        assertTrue(response.header("WWW-Authenticate").startsWith("Keystone uri="), response.headers().toString());
    }

    private static void assertZunError(int status, Response response) {
        assertEquals(status, response.statusCode(), response.asString());
        assertEquals(status, response.jsonPath().getInt("errors[0].status"), response.asString());
    }
}
