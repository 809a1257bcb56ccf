package io.windlass.hypervisor.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.windlass.host.service.ComputeService;
import io.windlass.server.VmState;
import io.windlass.testing.ComputeHostRows;
import io.windlass.testing.Keystone;
import io.windlass.testing.RealTokens;
import io.windlass.testing.ServerRows;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Nova's {@code os-hypervisors} over compute hosts written as heartbeats and claims leave them:
 * hyp-a (id 1, up, two servers, one busy), hyp-b (id 2, heart-beat ten minutes ago) and hyp-c
 * (id 3, disabled). Ids, fields and routes per microversion, paging, search, servers, statistics,
 * uptime, and admins only.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class HypervisorsIT {
    private static final String UPTIME = " \\d\\d:\\d\\d:\\d\\d up 3 days,  4:05";

    @Inject
    ComputeHostRows hostRows;
    @Inject
    ServerRows serverRows;
    @Inject
    EntityManager em;

    private String admin;
    private String member;
    private UUID onA;
    private UUID busyOnA;

    @BeforeEach
    void hosts() {
        admin = Keystone.adminToken();
        String name = Keystone.unique("hyp");
        String project = Keystone.createProject(admin, name);
        Keystone.createUser(admin, name, "pw", project, "member");
        member = Keystone.token(name, "pw", name);

        hostRows.clear();
        sql("DELETE FROM servers WHERE host LIKE 'hyp-%'");
        sql("""
                INSERT INTO compute_hosts (host, driver, vcpus, memory_mb, disk_gb, vcpus_used, memory_mb_used,
                                           disk_gb_used, underlay_address, last_heartbeat_at, created_at)
                VALUES ('hyp-a', 'docker', 4, 8192, 100, 1.5, 1024, 10, '198.18.1.2', now(),
                        now() - interval '3 days 4 hours 5 minutes 30 seconds'),
                       ('hyp-b', 'fake', 2, 4096, 50, 0, 0, 0, null, now() - interval '10 minutes', now()),
                       ('hyp-c', 'docker', 8, 16384, 200, 0, 0, 0, null, now(), now())""");
        sql("UPDATE compute_hosts SET disabled = true, disabled_reason = 'maintenance' WHERE host = 'hyp-c'");
        onA = serverRows.insert("p", "hyp-a", VmState.ACTIVE);
        busyOnA = serverRows.insert("p", "hyp-a", VmState.ACTIVE);
        serverRows.set(busyOnA.toString(), "task_state = 'rebooting', name = 'busy'");
        UUID gone = serverRows.insert("p", "hyp-a", VmState.DELETED);
        serverRows.set(gone.toString(), "deleted_at = now()");
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }

    private static ValidatableResponse get(String token, String version, String path) {
        return given().header("X-Auth-Token", token).header("OpenStack-API-Version", "compute " + version)
                .when().get("/compute/v2.1/os-hypervisors" + path).then();
    }

    private static String uuidOf(String host) {
        return ComputeService.uuidOf(host).toString();
    }

    @Test
    void before253IdsAreIntegersAndDetailCarriesTheInventory() {
        get(admin, "2.1", "").statusCode(200)
                .body("hypervisors", hasSize(3))
                .body("hypervisors[0]", equalTo(Map.of("id", 1, "hypervisor_hostname", "hyp-a", "state", "up",
                        "status", "enabled")))
                .body("hypervisors[1].state", equalTo("down"))
                .body("hypervisors[2].status", equalTo("disabled"))
                .body("$", not(hasKey("hypervisors_links")));
        get(admin, "2.1", "/detail?limit=abc").statusCode(200)
                .body("hypervisors[0].hypervisor_type", equalTo("docker"))
                .body("hypervisors[0].hypervisor_version", equalTo(0))
                .body("hypervisors[0].host_ip", equalTo("198.18.1.2"))
                .body("hypervisors[0].service.id", equalTo(1))
                .body("hypervisors[0].service.host", equalTo("hyp-a"))
                .body("hypervisors[0].service", hasKey("disabled_reason"))
                .body("hypervisors[0].service.disabled_reason", nullValue())
                .body("hypervisors[0].vcpus", equalTo(4))
                .body("hypervisors[0].vcpus_used", equalTo(2))
                .body("hypervisors[0].memory_mb", equalTo(8192))
                .body("hypervisors[0].memory_mb_used", equalTo(1024))
                .body("hypervisors[0].free_ram_mb", equalTo(7168))
                .body("hypervisors[0].local_gb", equalTo(100))
                .body("hypervisors[0].local_gb_used", equalTo(10))
                .body("hypervisors[0].free_disk_gb", equalTo(90))
                .body("hypervisors[0].running_vms", equalTo(2))
                .body("hypervisors[0].current_workload", equalTo(1))
                .body("hypervisors[0].disk_available_least", nullValue())
                .body("hypervisors[0].cpu_info", equalTo(""))
                .body("hypervisors[0]", not(hasKey("uptime")))
                .body("hypervisors[1].hypervisor_type", equalTo("fake"))
                .body("hypervisors[2].service.disabled_reason", equalTo("maintenance"));
        get(admin, "2.28", "/1").statusCode(200).body("hypervisor.cpu_info", equalTo(Map.of()))
                .body("hypervisor.id", equalTo(1));
        get(admin, "2.1", "/abc").statusCode(404)
                .body("itemNotFound.message", equalTo("Hypervisor with ID 'abc' could not be found."));
        get(admin, "2.1", "/99").statusCode(404)
                .body("itemNotFound.message", equalTo("Hypervisor with ID '99' could not be found."));
        get(admin, "2.52", "/" + uuidOf("hyp-a")).statusCode(404);
    }

    @Test
    void pagedFrom233ByLimitAndMarker() {
        get(admin, "2.33", "?limit=2").statusCode(200)
                .body("hypervisors.id", contains(1, 2))
                .body("hypervisors_links[0].rel", equalTo("next"))
                .body("hypervisors_links[0].href", matchesPattern(".*/compute/v2.1/os-hypervisors\\?limit=2&marker=2"));
        get(admin, "2.33", "/detail?marker=2").statusCode(200).body("hypervisors.id", contains(3))
                .body("$", not(hasKey("hypervisors_links")));
        get(admin, "2.33", "?marker=99").statusCode(400)
                .body("badRequest.message", equalTo("marker [99] not found"));
        get(admin, "2.33", "?limit=abc").statusCode(400).body("badRequest.message",
                equalTo("Invalid input for query parameters limit. Value: abc. 'abc' does not match '^[0-9]*$'"));
        get(admin, "2.33", "?limit=0").statusCode(200).body("hypervisors", hasSize(0));
        // unknown parameters are ignored until 2.53
        get(admin, "2.33", "?bogus=1").statusCode(200).body("hypervisors", hasSize(3));
        get(admin, "2.53", "?limit=1").statusCode(200)
                .body("hypervisors.id", contains(uuidOf("hyp-a")))
                .body("hypervisors_links[0].href", endsWith("marker=" + uuidOf("hyp-a")));
        get(admin, "2.53", "?marker=" + uuidOf("hyp-b")).statusCode(200).body("hypervisors.id", contains(uuidOf("hyp-c")));
    }

    @Test
    void from253UuidsPatternAndServersAsQueryParameters() {
        String serviceId = given().header("X-Auth-Token", admin).header("OpenStack-API-Version", "compute 2.53")
                .when().get("/compute/v2.1/os-services?host=hyp-a").then().statusCode(200)
                .extract().path("services[0].id");
        get(admin, "2.53", "/detail?hypervisor_hostname_pattern=HYP-A").statusCode(200)
                .body("hypervisors", hasSize(1))
                .body("hypervisors[0].id", equalTo(uuidOf("hyp-a")))
                .body("hypervisors[0].service.id", equalTo(serviceId))
                .body("hypervisors[0]", not(hasKey("servers")));
        get(admin, "2.53", "?with_servers=true").statusCode(200)
                .body("hypervisors[0].servers", containsInAnyOrder(Map.of("name", "srv", "uuid", onA.toString()),
                        Map.of("name", "busy", "uuid", busyOnA.toString())))
                .body("hypervisors[1]", not(hasKey("servers")));
        get(admin, "2.75", "?with_servers=1&hypervisor_hostname_pattern=hyp-b").statusCode(200)
                .body("hypervisors[0].servers", hasSize(0));
        get(admin, "2.75", "?with_servers=false").statusCode(200).body("hypervisors[1]", not(hasKey("servers")));

        get(admin, "2.53", "?hypervisor_hostname_pattern=hyp&limit=1").statusCode(400).body("badRequest.message",
                equalTo("Paging over hypervisors with the hypervisor_hostname_pattern query parameter is not supported."));
        get(admin, "2.53", "?hypervisor_hostname_pattern=nomatch").statusCode(404)
                .body("itemNotFound.message", equalTo("No hypervisor matching 'nomatch' could be found."));
        given().header("X-Auth-Token", admin).header("OpenStack-API-Version", "compute 2.53")
                .queryParam("hypervisor_hostname_pattern", "a b").when().get("/compute/v2.1/os-hypervisors").then()
                .statusCode(400)
                .body("badRequest.message", matchesPattern("Invalid input for query parameters "
                        + "hypervisor_hostname_pattern\\. Value: a b\\. 'a b' does not match .*"));
        get(admin, "2.53", "?with_servers=maybe").statusCode(400)
                .body("badRequest.message", matchesPattern("Invalid input for query parameters with_servers\\. .*"));
        get(admin, "2.53", "?bogus=1").statusCode(400).body("badRequest.message",
                equalTo("Additional properties are not allowed ('bogus' was unexpected)"));

        get(admin, "2.53", "/" + uuidOf("hyp-a") + "?with_servers=yes").statusCode(200)
                .body("hypervisor.id", equalTo(uuidOf("hyp-a")))
                .body("hypervisor.servers", hasSize(2));
        get(admin, "2.53", "/1").statusCode(400).body("badRequest.message", equalTo("Invalid uuid 1"));
        get(admin, "2.53", "/" + UUID.randomUUID()).statusCode(404);
        get(admin, "2.53", "/" + uuidOf("hyp-a") + "?bogus=1").statusCode(400);
    }

    @Test
    void searchAndServersRoutesUntil252() {
        get(admin, "2.52", "/hyp-/search").statusCode(200)
                .body("hypervisors.hypervisor_hostname", contains("hyp-a", "hyp-b", "hyp-c"))
                .body("hypervisors[0]", not(hasKey("servers")));
        get(admin, "2.1", "/zzz/search").statusCode(404)
                .body("itemNotFound.message", equalTo("No hypervisor matching 'zzz' could be found."));
        get(admin, "2.1", "/hyp-a/servers").statusCode(200)
                .body("hypervisors", hasSize(1))
                .body("hypervisors[0].servers.uuid", containsInAnyOrder(onA.toString(), busyOnA.toString()));
        get(admin, "2.1", "/hyp-b/servers").statusCode(200).body("hypervisors[0]", not(hasKey("servers")));
        get(admin, "2.53", "/hyp-/search").statusCode(404);
        get(admin, "2.53", "/hyp-a/servers").statusCode(404);
    }

    @Test
    void uptimeAndStatisticsUntil287ThenUptimeInTheView() {
        get(admin, "2.1", "/1/uptime").statusCode(200)
                .body("hypervisor.id", equalTo(1))
                .body("hypervisor.hypervisor_hostname", equalTo("hyp-a"))
                .body("hypervisor.uptime", matchesPattern(UPTIME))
                .body("hypervisor", not(hasKey("vcpus")));
        get(admin, "2.1", "/2/uptime").statusCode(400)
                .body("badRequest.message", equalTo("Compute service of hyp-b is unavailable at this time."));
        get(admin, "2.53", "/" + uuidOf("hyp-a") + "/uptime").statusCode(200)
                .body("hypervisor.id", equalTo(uuidOf("hyp-a")));
        get(admin, "2.88", "/" + uuidOf("hyp-a") + "/uptime").statusCode(404);

        // hyp-c is disabled: left out, as Nova sums enabled services only; hyp-b is down but counted
        get(admin, "2.1", "/statistics").statusCode(200).body("hypervisor_statistics", equalTo(Map.ofEntries(
                Map.entry("count", 2), Map.entry("current_workload", 1), Map.entry("disk_available_least", 0),
                Map.entry("free_disk_gb", 140), Map.entry("free_ram_mb", 11264), Map.entry("local_gb", 150),
                Map.entry("local_gb_used", 10), Map.entry("memory_mb", 12288), Map.entry("memory_mb_used", 1024),
                Map.entry("running_vms", 2), Map.entry("vcpus", 6), Map.entry("vcpus_used", 2))));
        get(admin, "2.88", "/statistics").statusCode(404);

        get(admin, "2.88", "/detail").statusCode(200)
                .body("hypervisors[0]", not(hasKey("vcpus")))
                .body("hypervisors[0]", not(hasKey("cpu_info")))
                .body("hypervisors[0]", not(hasKey("running_vms")))
                .body("hypervisors[0].hypervisor_type", equalTo("docker"))
                .body("hypervisors[0].uptime", matchesPattern(UPTIME))
                .body("hypervisors[1].uptime", nullValue())
                .body("hypervisors[1]", hasKey("uptime"));
        get(admin, "2.88", "/" + uuidOf("hyp-a")).statusCode(200)
                .body("hypervisor.uptime", matchesPattern(UPTIME));
    }

    @Test
    void onlyAdminsLookAtHypervisors() {
        for (String path : List.of("", "/detail", "/statistics", "/1", "/1/uptime", "/hyp/search", "/hyp/servers")) {
            get(member, "2.1", path).statusCode(403).body("forbidden.message", matchesPattern(
                    "Policy doesn't allow os_compute_api:os-hypervisors:[a-z-]+ to be performed\\."));
        }
        get(member, "2.1", "").statusCode(403).body("forbidden.message",
                equalTo("Policy doesn't allow os_compute_api:os-hypervisors:list to be performed."));
        get(member, "2.1", "/detail").statusCode(403).body("forbidden.message",
                equalTo("Policy doesn't allow os_compute_api:os-hypervisors:list-detail to be performed."));
        // the query is checked before the policy, as Nova's decorators do
        get(member, "2.53", "?bogus=1").statusCode(400);
    }
}
