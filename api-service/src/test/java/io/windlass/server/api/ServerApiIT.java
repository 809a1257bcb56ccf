package io.windlass.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.image.catalog.ImageCatalog;
import io.windlass.rpc.Envelope;
import io.windlass.server.VmState;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.server.persistence.ServerRepository;
import io.windlass.testing.RpcQueueProbe;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The servers API against the real PostgreSQL and RabbitMQ; the test stands in for the conductor. */
@QuarkusTest
class ServerApiIT {
    private static final String IMAGE = "busybox:latest";
    private static final String IMAGE_ID = ImageCatalog.idOf(IMAGE);

    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;
    @Inject
    ServerRepository servers;

    private RpcQueueProbe conductor;

    @BeforeEach
    void setUp() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("TRUNCATE servers, quotas, quota_usages, compute_hosts CASCADE").executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO compute_hosts (host, driver, vcpus, memory_mb, disk_gb, images, last_heartbeat_at)
                    VALUES ('host-a', 'docker', 4, 8192, 100, '["busybox:latest"]', now())""").executeUpdate();
        });
        conductor = RpcQueueProbe.on("conductor", json);
    }

    @AfterEach
    void closeProbe() throws Exception {
        conductor.close();
    }

    @Test
    void createAnswers202WithLocationAndTheServerIsBuildingUntilTheConductorActs() throws Exception {
        Response created = create(server("web-1", Map.of("metadata", Map.of("role", "web"))), "2.1");
        created.then().statusCode(202)
                .body("server.id", notNullValue())
                .body("server.OS-DCF:diskConfig", equalTo("MANUAL"))
                .body("server.security_groups[0].name", equalTo("default"))
                .body("server.adminPass", notNullValue())
                .body("server.links[0].rel", equalTo("self"));
        String id = created.path("server.id");
        assertTrue(created.header("Location").endsWith("/compute/v2.1/servers/" + id), created.header("Location"));
        assertEquals("compute 2.1", created.header("OpenStack-API-Version"));

        Envelope sent = conductor.next(Duration.ofSeconds(5)).envelope();
        assertEquals(ConductorRpcApi.BUILD_SERVER.name(), sent.method());
        assertEquals(id, sent.args().get("uuid").asText());

        compute("2.1").get("/compute/v2.1/servers/" + id).then().statusCode(200)
                .body("server.status", equalTo("BUILD"))
                .body("server.OS-EXT-STS:vm_state", equalTo("building"))
                .body("server.OS-EXT-STS:task_state", equalTo("scheduling"))
                .body("server.OS-EXT-STS:power_state", equalTo(0))
                .body("server.progress", equalTo(0))
                .body("server.image.id", equalTo(IMAGE_ID))
                .body("server.flavor.id", equalTo("0"))
                .body("server.metadata.role", equalTo("web"))
                .body("server.hostId", equalTo(""))
                .body("server.addresses", equalTo(Map.of()))
                .body("server.tenant_id", equalTo("default"))
                .body("server.config_drive", equalTo("True"))
                .body("server.OS-EXT-SRV-ATTR:host", nullValue())
                .body("server", not(hasKey("OS-EXT-SRV-ATTR:hostname")))
                .body("server", not(hasKey("description")));

        compute("2.47").get("/compute/v2.1/servers/" + id).then().statusCode(200)
                .body("server.OS-EXT-SRV-ATTR:hostname", equalTo("web-1"))
                .body("server.flavor.original_name", equalTo("m1.nano"))
                .body("server.flavor.vcpus", equalTo(1))
                .body("server.flavor.ram", equalTo(64))
                .body("server.description", nullValue())
                .body("server.locked", equalTo(false));
        ServerEntity row = servers.findLive(UUID.fromString(id)).orElseThrow();
        assertEquals("r-", row.reservationId.substring(0, 2));
        assertEquals("busybox:latest", row.image);
    }

    /** Tempest's test_verify_server_details: Nova keeps the address as netaddr prints it. */
    @Test
    void accessIpv6IsKeptInItsCanonicalForm() throws Exception {
        String id = create(server("v6", Map.of("accessIPv6", "0000:0000:0000:0000:0000:babe:220.12.22.2")), "2.1")
                .then().statusCode(202).extract().path("server.id");
        conductor.next(Duration.ofSeconds(5));
        compute("2.1").get("/compute/v2.1/servers/" + id).then().statusCode(200)
                .body("server.accessIPv6", equalTo("::babe:dc0c:1602"));
        compute("2.1").contentType("application/json").body(Map.of("server", Map.of("accessIPv6", "FD00:0:0:0:0:0:0:1")))
                .put("/compute/v2.1/servers/" + id).then().statusCode(200).body("server.accessIPv6", equalTo("fd00::1"));
    }

    @Test
    void everyMalformedFieldIsA400NamingIt() {
        bad(Map.of("server", Map.of("name", "x", "flavorRef", "nope", "imageRef", IMAGE_ID)), "2.1",
                "Invalid flavorRef provided.");
        bad(Map.of("server", Map.of("name", "x", "flavorRef", "0", "imageRef", UUID.randomUUID().toString())), "2.1",
                "Can not find requested image");
        bad(server("x", Map.of("metadata", Map.of("k", "v".repeat(256)))), "2.1", "metadata/k");
        bad(server("x", Map.of("user_data", "not base64!")), "2.1", "user_data");
        bad(server("x", Map.of("min_count", 3, "max_count", 2)), "2.1", "min_count must be <= max_count");
        bad(server("x", Map.of("networks", List.of(Map.of("uuid", UUID.randomUUID().toString())))), "2.37",
                "could not be found.");
        bad(server("x", Map.of("networks", "everything")), "2.37", "networks");
        bad(Map.of("server", Map.of("flavorRef", "0", "imageRef", IMAGE_ID, "networks", "none")), "2.37",
                "'name' is a required property");
        bad(Map.of("server", Map.of("name", "x", "flavorRef", "0")), "2.1", "Missing imageRef attribute");
        bad(server(" padded", Map.of()), "2.1", "name");
        bad(server("x", Map.of("bogus", 1)), "2.1", "'bogus' was unexpected");
        bad(server("x", Map.of("description", "d")), "2.1", "'description' was unexpected");
        bad(server("x", Map.of("personality", List.of(Map.of("path", "/a", "contents", "aGk=")))), "2.57",
                "'personality' was unexpected");
        bad(server("x", Map.of("key_name", "mykey")), "2.1", "Invalid key_name provided.");
        bad(server("x", Map.of("accessIPv4", "300.1.1.1")), "2.1", "accessIPv4");
        bad(server("x", Map.of("block_device_mapping_v2", List.of(Map.of("source_type", "volume",
                "destination_type", "volume", "uuid", UUID.randomUUID().toString(), "boot_index", 0)))), "2.1",
                "volumes");
        bad(server("x", Map.of("security_groups", List.of(Map.of("name", "web")))), "2.1", "web");
        // 2.74 names a host that must exist, as Nova checks before it schedules
        bad(server("x", Map.of("host", "nohost")), "2.74", "Compute host nohost could not be found.");
        bad(server("x", Map.of("hypervisor_hostname", "nohost")), "2.74", "Compute host nohost could not be found.");
        compute("2.1").contentType("application/json").body("{not json").post("/compute/v2.1/servers")
                .then().statusCode(400).body("badRequest.code", equalTo(400));
        // six personality files against the default limit of five: Nova's quota-style 403
        List<Map<String, String>> files = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            files.add(Map.of("path", "/etc/f" + i, "contents", Base64.getEncoder().encodeToString("x".getBytes())));
        }
        create(server("x", Map.of("personality", files)), "2.1").then().statusCode(403)
                .body("forbidden.message", equalTo("Personality file limit exceeded"));
        assertEquals(0, servers.count(), "no row is left behind by a refused request");
    }

    @Test
    void multiCreateNamesWithSuffixesAndListsPageWithNextLinks() throws Exception {
        create(server("batch", Map.of("min_count", 3, "max_count", 3)), "2.1").then().statusCode(202);
        compute("2.1").get("/compute/v2.1/servers?limit=2&sort_key=display_name&sort_dir=asc").then()
                .statusCode(200)
                .body("servers.name", equalTo(List.of("batch-1", "batch-2")))
                .body("servers_links[0].rel", equalTo("next"))
                .body("servers_links[0].href", containsString("marker="));
        String next = compute("2.1").get("/compute/v2.1/servers?limit=2&sort_key=display_name&sort_dir=asc")
                .path("servers_links[0].href");
        String query = next.substring(next.indexOf('?'));
        compute("2.1").get("/compute/v2.1/servers" + query).then().statusCode(200)
                .body("servers.name", equalTo(List.of("batch-3")))
                .body("$", not(hasKey("servers_links")));
        compute("2.1").get("/compute/v2.1/servers/detail?name=^batch-[12]$").then().statusCode(200)
                .body("servers.size()", equalTo(2))
                .body("servers[0].OS-EXT-STS:vm_state", equalTo("building"));
        compute("2.1").get("/compute/v2.1/servers?ip=[").then().statusCode(400)
                .body("badRequest.message", containsString("is not a 'regex'"));
        // valid in Java, refused by PostgreSQL (no named groups there)
        compute("2.1").get("/compute/v2.1/servers?ip6=(?<n>1)").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid regular expression in the ip6 filter: the database"
                        + " refuses it."));
        compute("2.1").get("/compute/v2.1/servers/detail?status=BUILD&flavor=0&image=" + IMAGE_ID).then()
                .statusCode(200).body("servers.size()", equalTo(3));
        compute("2.1").get("/compute/v2.1/servers?status=ACTIVE").then().statusCode(200)
                .body("servers.size()", equalTo(0));
        compute("2.38").get("/compute/v2.1/servers?status=SLEEPY").then().statusCode(400);
        compute("2.75").get("/compute/v2.1/servers?frobnicate=1").then().statusCode(400);
        compute("2.1").get("/compute/v2.1/servers?frobnicate=1").then().statusCode(200);
        compute("2.1").get("/compute/v2.1/servers?marker=" + UUID.randomUUID()).then().statusCode(400)
                .body("badRequest.message", containsString("not found"));
        compute("2.1").get("/compute/v2.1/servers?limit=-1").then().statusCode(400);
        compute("2.1").get("/compute/v2.1/servers?sort_key=memory_mb").then().statusCode(200);
        compute("2.75").get("/compute/v2.1/servers?sort_key=memory_mb").then().statusCode(400);
    }

    @Test
    void ipsListTheAddressesByNetworkLabelWithoutTheExtendedKeys() throws Exception {
        String id = create(server("addressed", Map.of()), "2.1").then().statusCode(202).extract().path("server.id");
        conductor.next(Duration.ofSeconds(5));
        // the conductor owns the column (the api-service may not write it): as its report would
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE servers SET addresses = cast(:addresses as jsonb) WHERE uuid = cast(:uuid as uuid)")
                .setParameter("addresses", """
                        {"private": [{"addr": "198.19.250.5", "version": 4, "macAddr": "fa:16:3e:00:00:05"},
                                     {"addr": "fd00::5", "version": 6, "macAddr": "fa:16:3e:00:00:05"}]}""")
                .setParameter("uuid", id).executeUpdate());

        compute("2.1").get("/compute/v2.1/servers/" + id + "/ips").then().statusCode(200)
                .body("addresses.private.addr", equalTo(List.of("198.19.250.5", "fd00::5")))
                .body("addresses.private.version", equalTo(List.of(4, 6)))
                .body("addresses.private[0]", not(hasKey("OS-EXT-IPS:type")));
        compute("2.1").get("/compute/v2.1/servers/" + id + "/ips/private").then().statusCode(200)
                .body("private[0].addr", equalTo("198.19.250.5"))
                .body("$", not(hasKey("addresses")));
        compute("2.1").get("/compute/v2.1/servers/" + id + "/ips/public").then().statusCode(404)
                .body("itemNotFound.message", equalTo("Instance is not a member of specified network"));
        compute("2.1").get("/compute/v2.1/servers/" + UUID.randomUUID() + "/ips").then().statusCode(404)
                .body("itemNotFound.code", equalTo(404));
    }

    @Test
    void actionsFollowNovasStateRulesAndReachTheConductor() throws Exception {
        String id = create(server("acting", Map.of()), "2.1").then().statusCode(202).extract().path("server.id");
        conductor.next(Duration.ofSeconds(5));
        action(id, Map.of("os-start", (Object) "")).then().statusCode(400);
        compute("2.1").contentType("application/json").body("{\"os-stop\": null}")
                .post("/compute/v2.1/servers/" + id + "/action").then().statusCode(409)
                .body("conflictingRequest.message", equalTo("Cannot 'stop' instance " + id
                        + " while it is in task_state scheduling"));

        placeActive(id);
        compute("2.1").contentType("application/json").body("{\"os-start\": null}")
                .post("/compute/v2.1/servers/" + id + "/action").then().statusCode(409)
                .body("conflictingRequest.message", containsString("while it is in vm_state active"));
        compute("2.1").contentType("application/json").body("{\"os-stop\": null}")
                .post("/compute/v2.1/servers/" + id + "/action").then().statusCode(202);
        Envelope sent = conductor.next(Duration.ofSeconds(5)).envelope();
        assertEquals(ConductorRpcApi.SERVER_ACTION.name(), sent.method());
        assertEquals("STOP", sent.args().get("action").asText());
        compute("2.1").get("/compute/v2.1/servers/" + id).then()
                .body("server.OS-EXT-STS:task_state", equalTo("powering-off"))
                .body("server.status", equalTo("ACTIVE"));
        compute("2.1").contentType("application/json").body("{\"reboot\": {\"type\": \"SOFT\"}}")
                .post("/compute/v2.1/servers/" + id + "/action").then().statusCode(409);
        compute("2.1").contentType("application/json").body("{\"reboot\": {\"type\": \"GENTLE\"}}")
                .post("/compute/v2.1/servers/" + id + "/action").then().statusCode(400)
                .body("badRequest.message", containsString("reboot/type"));
        // shelve is served: refused while the stop runs, in Nova's words
        compute("2.1").contentType("application/json").body("{\"shelve\": null}")
                .post("/compute/v2.1/servers/" + id + "/action").then().statusCode(409)
                .body("conflictingRequest.message", equalTo("Cannot 'shelve' instance " + id
                        + " while it is in task_state powering-off"));
        // so is rescue
        compute("2.1").contentType("application/json").body("{\"rescue\": null}")
                .post("/compute/v2.1/servers/" + id + "/action").then().statusCode(409)
                .body("conflictingRequest.message", equalTo("Cannot 'rescue' instance " + id
                        + " while it is in task_state powering-off"));
        // so is a cold migration
        compute("2.1").contentType("application/json").body("{\"migrate\": null}")
                .post("/compute/v2.1/servers/" + id + "/action").then().statusCode(409)
                .body("conflictingRequest.message", equalTo("Cannot 'migrate' instance " + id
                        + " while it is in task_state powering-off"));
    }

    @Test
    void updateRenamesAndDeleteOfAnUnplacedServerIsImmediateButListedAsDeletedForAdmins() throws Exception {
        String id = create(server("old", Map.of()), "2.1").then().statusCode(202).extract().path("server.id");
        compute("2.1").contentType("application/json").body(Map.of("server", Map.of("name", "new")))
                .put("/compute/v2.1/servers/" + id).then().statusCode(200).body("server.name", equalTo("new"))
                .body("server", not(hasKey("OS-EXT-AZ:availability_zone")));
        compute("2.75").contentType("application/json").body(Map.of("server", Map.of("description", "d")))
                .put("/compute/v2.1/servers/" + id).then().statusCode(200).body("server.description", equalTo("d"))
                .body("server", hasKey("OS-EXT-AZ:availability_zone"));
        compute("2.1").contentType("application/json").body(Map.of("server", Map.of("name", "")))
                .put("/compute/v2.1/servers/" + id).then().statusCode(400);

        compute("2.1").delete("/compute/v2.1/servers/" + id).then().statusCode(204);
        compute("2.1").get("/compute/v2.1/servers/" + id).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Instance " + id + " could not be found."));
        compute("2.1").get("/compute/v2.1/servers").then().body("servers.id", not(hasItem(id)));
        compute("2.1").get("/compute/v2.1/servers/detail?deleted=true").then().statusCode(200)
                .body("servers.id", hasItem(id)).body("servers[0].status", equalTo("DELETED"));
        compute("2.1").get("/compute/v2.1/servers/not-a-uuid").then().statusCode(404);
    }

    @Test
    void anotherProjectsServerIsNotFoundForItsMembersButVisibleToAdmins() {
        UUID other = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            ServerEntity s = new ServerEntity();
            s.uuid = other;
            s.name = "theirs";
            s.projectId = "other-project";
            s.userId = "u";
            s.imageRef = IMAGE_ID;
            s.image = IMAGE;
            s.flavorId = "0";
            s.flavorName = "m1.nano";
            s.hostname = "theirs";
            s.reservationId = "r-12345678";
            s.vmState = VmState.ACTIVE;
            s.host = "host-a";
            servers.persist(s);
        });
        // the default test context is an admin of project "default"
        compute("2.1").get("/compute/v2.1/servers/" + other).then().statusCode(200)
                .body("server.OS-EXT-SRV-ATTR:host", equalTo("host-a"));
        compute("2.1").get("/compute/v2.1/servers").then().body("servers.id", not(hasItem(other.toString())));
        compute("2.1").get("/compute/v2.1/servers?all_tenants=1").then().body("servers.id", hasItem(other.toString()));
    }

    @Test
    void quotaAllowsAsManyAsFitBetweenMinAndMaxCount() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "INSERT INTO quotas (project_id, resource, hard_limit) VALUES ('default', 'instances', 2)")
                .executeUpdate());
        create(server("q", Map.of("min_count", 1, "max_count", 5)), "2.1").then().statusCode(202);
        assertEquals(2, servers.count());
        create(server("q2", Map.of()), "2.1").then().statusCode(403)
                .body("forbidden.message", equalTo("Quota exceeded for instances: Requested 1, but already used 2 of 2 "
                        + "instances"));
        assertEquals(2, servers.count());
    }

    /**
     * Creates at once, each asking for one or two servers, fill the quota and never overshoot it; a
     * refused create, or the larger count a create tried first, leaves no server or action behind
     * (a create's rows are written before its reservation).
     */
    @Test
    void concurrentCreatesFillTheQuotaAndLeaveNothingOfTheRefused() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "INSERT INTO quotas (project_id, resource, hard_limit) VALUES ('default', 'instances', 5)")
                .executeUpdate());
        Object before = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("SELECT now()")
                .getSingleResult());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> creates = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String name = "at-once-" + i;
            creates.add(() -> create(server(name, Map.of("min_count", 1, "max_count", 2)), "2.1").statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(creates)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertTrue(statuses.stream().allMatch(status -> status == 202 || status == 403), statuses.toString());
        assertEquals(5, servers.count());
        assertEquals(5L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM workload_actions WHERE kind = 'server' AND start_time >= ?1")
                .setParameter(1, before).getSingleResult()).longValue()));
    }

    /** What the conductor writes when the host reports the server running (the api-service may not). */
    private void placeActive(String id) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                UPDATE servers SET host = 'host-a', vm_state = 'active', task_state = NULL, power_state = 1
                WHERE uuid = :uuid""").setParameter("uuid", UUID.fromString(id)).executeUpdate());
    }

    private static Map<String, Object> server(String name, Map<String, Object> extra) {
        Map<String, Object> server = new HashMap<>(Map.of("name", name, "flavorRef", "0", "imageRef", IMAGE_ID));
        server.putAll(extra);
        if (!server.containsKey("networks")) {
            server.put("networks", "none");
        }
        return Map.of("server", server);
    }

    private static void bad(Map<String, Object> body, String version, String mentions) {
        create(body, version).then().statusCode(400).body("badRequest.code", equalTo(400))
                .body("badRequest.message", containsString(mentions));
    }

    private static Response create(Map<String, Object> body, String version) {
        Map<String, Object> b = body;
        // below 2.37 "networks" must be a list: drop the "none" that server() adds
        if (ApiVersionOrder.before(version, "2.37") && body.get("server") instanceof Map<?, ?> s
                && "none".equals(s.get("networks"))) {
            Map<String, Object> copy = new HashMap<>();
            s.forEach((k, v) -> copy.put((String) k, v));
            copy.remove("networks");
            b = Map.of("server", copy);
        }
        return compute(version).contentType("application/json").body(b).post("/compute/v2.1/servers");
    }

    private static Response action(String id, Map<String, Object> body) {
        return compute("2.1").contentType("application/json").body(body).post("/compute/v2.1/servers/" + id + "/action");
    }

    private static RequestSpecification compute(String version) {
        return given().header("OpenStack-API-Version", "compute " + version);
    }

    /** Compares "2.N" microversions. */
    private static final class ApiVersionOrder {
        static boolean before(String a, String b) {
            return Integer.parseInt(a.substring(2)) < Integer.parseInt(b.substring(2));
        }
    }
}
