package io.windlass.tenantusage.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.windlass.server.VmState;
import io.windlass.testing.Keystone;
import io.windlass.testing.RealTokens;
import io.windlass.testing.ServerRows;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Nova's {@code os-simple-tenant-usage} over servers placed in 2001, a window no other test's
 * servers share: project one has a server running all of 2001-01-01 (2 vCPUs, 512 MiB, 1+1 GB) and
 * one deleted after six hours (1 vCPU, 1 GiB, 10 GB); project two a server running all day (1 vCPU,
 * 256 MiB) and one launched after the window.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class SimpleTenantUsageIT {
    private static final String DAY = "start=2001-01-01T00:00:00&end=2001-01-02T00:00:00";

    @Inject
    ServerRows servers;

    private String admin;
    private String member;
    private String one;
    private String two;
    private UUID running;
    private UUID deleted;
    private UUID other;

    @BeforeEach
    void serversOf2001() {
        admin = Keystone.adminToken();
        String name = Keystone.unique("usage");
        one = Keystone.createProject(admin, name);
        two = Keystone.createProject(admin, Keystone.unique("usage-two"));
        Keystone.createUser(admin, name, "pw", one, "member");
        member = Keystone.token(name, "pw", name);
        // earlier runs' servers of 2001 would join the window
        servers.deleteLaunchedBefore("2002-01-01T00:00:00Z");

        running = servers.insert(one, "h", VmState.ACTIVE);
        servers.set(running.toString(), "vcpus = 2, memory_mb = 512, root_gb = 1, ephemeral_gb = 1, name = 'run', "
                + "launched_at = '2001-01-01T00:00:00Z'");
        deleted = servers.insert(one, "h", VmState.DELETED);
        servers.set(deleted.toString(), "vcpus = 1, memory_mb = 1024, root_gb = 10, name = 'gone', "
                + "launched_at = '2001-01-01T06:00:00Z', terminated_at = '2001-01-01T12:00:00Z', "
                + "deleted_at = '2001-01-01T12:00:00Z'");
        other = servers.insert(two, "h", VmState.STOPPED);
        servers.set(other.toString(), "vcpus = 1, memory_mb = 256, root_gb = 0, launched_at = '2001-01-01T00:00:00Z'");
        UUID later = servers.insert(two, "h", VmState.ACTIVE);
        servers.set(later.toString(), "vcpus = 1, memory_mb = 256, launched_at = '2001-01-03T00:00:00Z'");
    }

    private static ValidatableResponse get(String token, String version, String path) {
        return given().header("X-Auth-Token", token).header("OpenStack-API-Version", "compute " + version)
                .when().get("/compute/v2.1/os-simple-tenant-usage" + path).then();
    }

    /** The servers in the order Nova pages them: by project, then uuid. */
    private List<UUID> pageOrder() {
        return Stream.of(Map.entry(one, running), Map.entry(one, deleted), Map.entry(two, other))
                .sorted(Map.Entry.<String, UUID>comparingByKey().thenComparing(e -> e.getValue().toString()))
                .map(Map.Entry::getValue).toList();
    }

    @Test
    void everyProjectsUsageOverTheWindowForAdmins() {
        String path = "?" + DAY + "&detailed=1";
        String first = one.compareTo(two) < 0 ? one : two;
        get(admin, "2.1", path).statusCode(200)
                .body("tenant_usages.tenant_id", contains(first, first.equals(one) ? two : one))
                .body("$", not(hasKey("tenant_usages_links")));
        ValidatableResponse response = get(admin, "2.1", path);
        String p1 = "tenant_usages.find { it.tenant_id == '" + one + "' }";
        response.body(p1 + ".total_hours", equalTo(30.0f))
                .body(p1 + ".total_vcpus_usage", equalTo(54.0f))
                .body(p1 + ".total_memory_mb_usage", equalTo(18432.0f))
                .body(p1 + ".total_local_gb_usage", equalTo(108.0f))
                .body(p1 + ".start", equalTo("2001-01-01T00:00:00.000000"))
                .body(p1 + ".stop", equalTo("2001-01-02T00:00:00.000000"))
                .body(p1 + ".server_usages", hasSize(2));
        String gone = p1 + ".server_usages.find { it.instance_id == '" + deleted + "' }";
        response.body(gone + ".state", equalTo("terminated"))
                .body(gone + ".hours", equalTo(6.0f))
                .body(gone + ".name", equalTo("gone"))
                .body(gone + ".flavor", equalTo("m1.nano"))
                .body(gone + ".tenant_id", equalTo(one))
                .body(gone + ".memory_mb", equalTo(1024))
                .body(gone + ".local_gb", equalTo(10))
                .body(gone + ".vcpus", equalTo(1))
                .body(gone + ".started_at", equalTo("2001-01-01T06:00:00.000000"))
                .body(gone + ".ended_at", equalTo("2001-01-01T12:00:00.000000"))
                .body(gone + ".uptime", equalTo(21600));
        String run = p1 + ".server_usages.find { it.instance_id == '" + running + "' }";
        response.body(run + ".state", equalTo("active"))
                .body(run + ".ended_at", nullValue())
                .body(run + ".hours", equalTo(24.0f))
                .body(run + ".local_gb", equalTo(2));
        String p2 = "tenant_usages.find { it.tenant_id == '" + two + "' }";
        response.body(p2 + ".total_hours", equalTo(24.0f)).body(p2 + ".total_memory_mb_usage", equalTo(6144.0f))
                .body(p2 + ".server_usages[0].state", equalTo("stopped"));

        get(admin, "2.1", "?" + DAY).statusCode(200).body("tenant_usages[0]", not(hasKey("server_usages")))
                .body("tenant_usages", hasSize(2));
        // the form with a space (and microseconds), as the next links of Nova's samples carry it
        given().header("X-Auth-Token", admin).queryParam("start", "2001-01-01 06:00:00.000000")
                .queryParam("end", "2001-01-01T07:00:00").when().get("/compute/v2.1/os-simple-tenant-usage").then()
                .statusCode(200)
                .body("tenant_usages.find { it.tenant_id == '" + one + "' }.total_hours", equalTo(2.0f));
    }

    @Test
    void aProjectsReadersSeeItsUsageWithItsServers() {
        get(member, "2.1", "/" + one + "?" + DAY).statusCode(200)
                .body("tenant_usage.tenant_id", equalTo(one))
                .body("tenant_usage.total_hours", equalTo(30.0f))
                .body("tenant_usage.server_usages", hasSize(2));
        get(member, "2.1", "/" + two + "?" + DAY).statusCode(403).body("forbidden.message",
                equalTo("Policy doesn't allow os_compute_api:os-simple-tenant-usage:show to be performed."));
        get(member, "2.1", "?" + DAY).statusCode(403).body("forbidden.message",
                equalTo("Policy doesn't allow os_compute_api:os-simple-tenant-usage:list to be performed."));
        get(admin, "2.1", "/" + two + "?" + DAY).statusCode(200).body("tenant_usage.total_vcpus_usage", equalTo(24.0f));
        // nothing in the window: an empty object
        get(member, "2.1", "/" + one + "?start=2000-01-01T00:00:00&end=2000-01-02T00:00:00").statusCode(200)
                .body("tenant_usage", equalTo(Map.of()));
        // no end: up to now, the running server still counting
        get(member, "2.1", "/" + one + "?start=2001-01-01T00:00:00").statusCode(200)
                .body("tenant_usage.server_usages", hasSize(2));
    }

    @Test
    void pagedByServerFrom240() {
        List<UUID> order = pageOrder();
        get(admin, "2.40", "?" + DAY + "&detailed=1&limit=1").statusCode(200)
                .body("tenant_usages", hasSize(1))
                .body("tenant_usages[0].server_usages.instance_id", contains(order.get(0).toString()))
                .body("tenant_usages_links[0].rel", equalTo("next"))
                .body("tenant_usages_links[0].href", endsWith("marker=" + order.get(0)));
        get(admin, "2.40", "?" + DAY + "&detailed=1&limit=5&marker=" + order.get(1)).statusCode(200)
                .body("tenant_usages.server_usages.flatten().instance_id", contains(order.get(2).toString()))
                .body("$", not(hasKey("tenant_usages_links")));
        get(member, "2.40", "/" + one + "?" + DAY + "&limit=1").statusCode(200)
                .body("tenant_usage.server_usages", hasSize(1))
                .body("tenant_usage_links[0].href", org.hamcrest.Matchers.containsString(
                        "/os-simple-tenant-usage/" + one + "?"));
        get(admin, "2.40", "?" + DAY + "&marker=" + UUID.fromString("00000000-0000-0000-0000-000000000001"))
                .statusCode(400).body("badRequest.message",
                        equalTo("Marker 00000000-0000-0000-0000-000000000001 could not be found."));
        get(admin, "2.40", "?" + DAY + "&limit=-1").statusCode(400).body("badRequest.message",
                equalTo("Invalid input for query parameters limit. Value: -1. '-1' does not match '^[0-9]*$'"));
        // before 2.40 there is no paging: limit and marker are ignored
        get(admin, "2.39", "?" + DAY + "&limit=abc&marker=x").statusCode(200).body("tenant_usages", hasSize(2));
    }

    @Test
    void badWindowsAndParameters() {
        get(admin, "2.1", "?start=yesterday").statusCode(400)
                .body("badRequest.message", equalTo("Invalid datetime string: Datetime is in invalid format"));
        get(admin, "2.1", "/" + one + "?start=2001-01-02T00:00:00&end=2001-01-01T00:00:00").statusCode(400)
                .body("badRequest.message",
                        equalTo("Invalid start time. The start time cannot occur after the end time."));
        get(admin, "2.74", "?" + DAY + "&bogus=1").statusCode(200);
        get(admin, "2.75", "?" + DAY + "&bogus=1").statusCode(400).body("badRequest.message",
                equalTo("Additional properties are not allowed ('bogus' was unexpected)"));
        get(admin, "2.75", "/" + one + "?" + DAY + "&detailed=1").statusCode(400);
        get(admin, "2.75", "?" + DAY + "&detailed=1").statusCode(200);
        // an empty tenant id is no route of Nova's (Tempest's test_get_usage_tenant_with_empty_tenant_id)
        get(admin, "2.1", "/?" + DAY).statusCode(404);
    }
}
