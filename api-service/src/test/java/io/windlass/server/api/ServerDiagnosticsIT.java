package io.windlass.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.rpc.RpcReply;
import io.windlass.server.PowerState;
import io.windlass.server.ServerDiagnostics;
import io.windlass.server.VmState;
import io.windlass.testing.ProjectMember;
import io.windlass.testing.RealTokens;
import io.windlass.testing.RpcQueueProbe;
import io.windlass.testing.ServerRows;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nova's {@code GET /servers/{id}/diagnostics}, with the server's host stood in for at the RPC edge:
 * what the api-service asks of the host, the host's figures in Nova's two formats (before and from
 * 2.48), the admin-only policy, and Nova's 404 and 409s.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class ServerDiagnosticsIT {
    private static final String HOST = "diagnostics-host";
    /** Tempest's schema for 2.48 ({@code v2_48/servers.py show_server_diagnostics}): exactly these keys. */
    private static final Set<String> STANDARD_KEYS = Set.of("state", "driver", "hypervisor", "hypervisor_os",
            "uptime", "config_drive", "num_cpus", "num_nics", "num_disks", "memory_details", "cpu_details",
            "nic_details", "disk_details");
    private static final ServerDiagnostics READ = new ServerDiagnostics(PowerState.RUNNING, "docker", "linux", 12L,
            true, new ServerDiagnostics.Memory(64L, 2L), List.of(new ServerDiagnostics.Cpu(0, 437130871L, 20)),
            List.of(new ServerDiagnostics.Nic("eth0", "02:42:ac:11:00:02", 1042L, 0L, 0L, 11L, 90L, 0L, 0L, 3L)),
            List.of(new ServerDiagnostics.Disk("root", 0L, 0L, 1048576L, 8L, null)));

    @Inject
    ServerRows rows;
    @Inject
    ObjectMapper json;

    private ProjectMember users;

    @BeforeEach
    void aProject() {
        users = ProjectMember.create("srvdiag");
    }

    private static Response diagnostics(String token, String version, UUID server) {
        return given().header("X-Auth-Token", token).header("OpenStack-API-Version", "compute " + version)
                .get("/compute/v2.1/servers/" + server + "/diagnostics");
    }

    /** Asks as the admin, answers the host's call with {@code answer}; gives the call's arguments. */
    private JsonNode served(String version, UUID server, RpcReply answer, Response[] out) throws Exception {
        try (RpcQueueProbe host = RpcQueueProbe.on("compute." + HOST, json)) {
            CompletableFuture<Response> response = CompletableFuture.supplyAsync(
                    () -> diagnostics(users.admin(), version, server));
            RpcQueueProbe.Received call = host.next(Duration.ofSeconds(5));
            assertEquals(ComputeRpcApi.SERVER_DIAGNOSTICS.name(), call.envelope().method());
            host.reply(call, answer);
            out[0] = response.get();
            return call.envelope().args();
        }
    }

    private RpcReply read() {
        return new RpcReply(json.valueToTree(READ), null);
    }

    @Test
    void fromV248AnAdminGetsNovasStandardDiagnostics() throws Exception {
        UUID id = rows.insert(users.project(), HOST, VmState.ACTIVE);
        Response[] response = new Response[1];
        JsonNode args = served("2.48", id, read(), response);
        assertEquals(id.toString(), args.get("uuid").asText());
        response[0].then().statusCode(200)
                .body("state", equalTo("running"))
                .body("driver", equalTo("libvirt"))
                .body("hypervisor", equalTo("docker"))
                .body("hypervisor_os", equalTo("linux"))
                .body("uptime", equalTo(12))
                .body("config_drive", equalTo(true))
                .body("num_cpus", equalTo(1)).body("num_nics", equalTo(1)).body("num_disks", equalTo(1))
                .body("memory_details.maximum", equalTo(64)).body("memory_details.used", equalTo(2))
                .body("cpu_details[0].id", equalTo(0)).body("cpu_details[0].time", equalTo(437130871))
                .body("cpu_details[0].utilisation", equalTo(20))
                .body("nic_details[0].mac_address", equalTo("02:42:ac:11:00:02"))
                .body("nic_details[0].rx_octets", equalTo(1042)).body("nic_details[0].tx_packets", equalTo(3))
                .body("disk_details[0].write_bytes", equalTo(1048576));
        JsonNode body = json.readTree(response[0].asString());
        Set<String> keys = new HashSet<>();
        body.fieldNames().forEachRemaining(keys::add);
        assertEquals(STANDARD_KEYS, keys);
        // what the host does not measure is there as null, as Nova's schema requires every key
        assertTrue(body.get("nic_details").get(0).get("rx_rate").isNull(), body.toString());
        assertTrue(body.get("disk_details").get(0).get("errors_count").isNull(), body.toString());
    }

    @Test
    void beforeV248AnAdminGetsTheFiguresAsLibvirtNamesThem() throws Exception {
        UUID id = rows.insert(users.project(), HOST, VmState.ACTIVE);
        Response[] response = new Response[1];
        served("2.47", id, read(), response);
        Map<String, Object> body = response[0].then().statusCode(200).extract().jsonPath().getMap("");
        assertEquals(437130871, body.get("cpu0_time"));
        assertEquals(65536, body.get("memory"));
        assertEquals(1042, body.get("eth0_rx"));
        assertEquals(1048576, body.get("root_write"));
        assertTrue(!body.containsKey("state") && !body.containsKey("root_errors"), body.toString());
    }

    @Test
    void aMemberMayNotAndNothingIsAskedOfTheHost() throws Exception {
        UUID id = rows.insert(users.project(), HOST, VmState.ACTIVE);
        try (RpcQueueProbe host = RpcQueueProbe.on("compute." + HOST, json)) {
            diagnostics(users.member(), "2.48", id).then().statusCode(403).body("forbidden.message",
                    equalTo("Policy doesn't allow os_compute_api:os-server-diagnostics to be performed."));
            diagnostics(users.member(), "2.1", id).then().statusCode(403);
            Thread.sleep(200);
            assertEquals(0, host.drain().size());
        }
    }

    @Test
    void anUnknownServerIs404() {
        UUID id = UUID.randomUUID();
        diagnostics(users.admin(), "2.48", id).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Instance " + id + " could not be found."));
    }

    @Test
    void aServerWithoutAHostIsNotReady() {
        UUID id = rows.insert(users.project(), null, VmState.BUILDING);
        diagnostics(users.admin(), "2.48", id).then().statusCode(409)
                .body("conflictingRequest.message", equalTo("Instance " + id + " is not ready"));
        UUID offloaded = rows.insert(users.project(), null, VmState.SHELVED_OFFLOADED);
        diagnostics(users.admin(), "2.1", offloaded).then().statusCode(409);
    }

    @Test
    void aServerTheHostFindsNotRunningIsNovasConflictInItsWords() throws Exception {
        UUID id = rows.insert(users.project(), HOST, VmState.STOPPED);
        String refusal = "Cannot 'get_diagnostics' instance " + id + " while it is in power state shutdown";
        Response[] response = new Response[1];
        served("2.48", id, new RpcReply(null, new RpcReply.RemoteError(ComputeRpcApi.INSTANCE_INVALID_STATE,
                refusal)), response);
        response[0].then().statusCode(409).body("conflictingRequest.message", equalTo(refusal));
    }

    @Test
    void aHostThatDoesNotAnswerIs503NamingIt() throws Exception {
        UUID id = rows.insert(users.project(), HOST, VmState.ACTIVE);
        try (RpcQueueProbe host = RpcQueueProbe.on("compute." + HOST, json)) {
            CompletableFuture<Response> response = CompletableFuture.supplyAsync(
                    () -> diagnostics(users.admin(), "2.48", id));
            // asked, and never answered: the call times out (the test profile's 3 s)
            assertEquals(ComputeRpcApi.SERVER_DIAGNOSTICS.name(), host.next(Duration.ofSeconds(5)).envelope().method());
            response.get().then().statusCode(503).body("serviceUnavailable.message",
                    equalTo("Compute host " + HOST + " did not answer; try again later."));
        }
    }
}
