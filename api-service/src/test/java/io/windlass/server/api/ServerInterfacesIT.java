package io.windlass.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.networking.Neutron;
import io.windlass.rpc.Envelope;
import io.windlass.testing.RpcQueueProbe;
import io.windlass.testing.ServerRows;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.windlass.networking.Neutron.V2;
import static io.windlass.networking.Neutron.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Nova's {@code os-interface} at the api-service: attach answers 200 with the attachment and casts
 * {@code attach_interface} with the port bound to the server in the same transaction; list and show
 * read the server's ports; detach casts {@code detach_interface}; every refusal is Nova's and leaves
 * no port behind. The test stands in for the conductor (it places the server by SQL).
 */
@QuarkusTest
class ServerInterfacesIT {
    private static final String IMAGE_ID = ServerRows.IMAGE_ID;

    @Inject
    ServerRows rows;
    @Inject
    ObjectMapper json;

    private RpcQueueProbe conductor;

    @BeforeEach
    void setUp() throws Exception {
        rows.hostWithImage("host-ifaces");
        conductor = RpcQueueProbe.on("conductor", json);
    }

    @AfterEach
    void close() throws Exception {
        conductor.close();
    }

    private static ValidatableResponse api(String version, String method, String path, Object body) {
        var request = given().header("OpenStack-API-Version", "compute " + version).contentType("application/json");
        if (body != null) {
            request = request.body(body);
        }
        return request.when().request(method, "/compute/v2.1/servers/" + path).then();
    }

    /** A server booted on no network, then placed and ACTIVE as the conductor would leave it. */
    private String activeServer() throws Exception {
        String id = api("2.95", "POST", "", Map.of("server", Map.of("name", "ifaces", "flavorRef", "0",
                "imageRef", IMAGE_ID, "networks", "none"))).statusCode(202).extract().path("server.id");
        assertEquals(ConductorRpcApi.BUILD_SERVER.name(), conductor.next(Duration.ofSeconds(5)).envelope().method());
        rows.set(id, "host = 'host-ifaces', vm_state = 'active', task_state = NULL");
        return id;
    }

    private static int portsOn(String network) {
        return as(null).queryParam("network_id", network).when().get(V2 + "/ports").then().statusCode(200)
                .extract().path("ports.size()");
    }

    @Test
    void attachListShowDetachAsNovaAnswersThem() throws Exception {
        String net = Neutron.network(null, "ifaces-net");
        String subnet = Neutron.subnet(null, net, "198.19.54.0/24");
        String port = Neutron.port(null, Map.of("network_id", net)).statusCode(201).extract().path("port.id");
        String other = Neutron.network(null, "ifaces-other");
        Neutron.subnet(null, other, "198.19.55.0/24");
        String id = activeServer();

        String made = api("2.70", "POST", id + "/os-interface", Map.of("interfaceAttachment",
                Map.of("net_id", other, "fixed_ips", List.of(Map.of("ip_address", "198.19.55.9")), "tag", "eth9")))
                .statusCode(200)
                .body("interfaceAttachment.net_id", equalTo(other))
                .body("interfaceAttachment.fixed_ips[0].ip_address", equalTo("198.19.55.9"))
                .body("interfaceAttachment.tag", equalTo("eth9"))
                .body("interfaceAttachment.port_state", equalTo("DOWN"))
                .extract().path("interfaceAttachment.port_id");
        Envelope sent = conductor.next(Duration.ofSeconds(5)).envelope();
        assertEquals(ConductorRpcApi.ATTACH_INTERFACE.name(), sent.method());
        assertEquals("server", sent.args().get("kind").asText());
        assertEquals(made, sent.args().get("portId").asText());

        api("2.1", "POST", id + "/os-interface", Map.of("interfaceAttachment", Map.of("port_id", port)))
                .statusCode(200).body("interfaceAttachment.port_id", equalTo(port))
                .body("interfaceAttachment.fixed_ips", contains(Map.of("subnet_id", subnet,
                        "ip_address", as(null).when().get(V2 + "/ports/" + port).then().extract()
                                .path("port.fixed_ips[0].ip_address"))))
                .body("interfaceAttachment", not(hasKey("tag")));
        conductor.next(Duration.ofSeconds(5));

        api("2.70", "GET", id + "/os-interface", null).statusCode(200)
                .body("interfaceAttachments.port_id", contains(made, port))
                .body("interfaceAttachments.tag", contains("eth9", null));
        api("2.1", "GET", id + "/os-interface/" + port, null).statusCode(200)
                .body("interfaceAttachment.mac_addr", equalTo(as(null).when().get(V2 + "/ports/" + port).then()
                        .extract().path("port.mac_address")));
        api("2.1", "GET", id + "/os-interface/" + subnet, null).statusCode(404).body("itemNotFound.message",
                equalTo("Instance " + id + " does not have a port with id " + subnet));

        api("2.1", "DELETE", id + "/os-interface/" + port, null).statusCode(202);
        sent = conductor.next(Duration.ofSeconds(5)).envelope();
        assertEquals(ConductorRpcApi.DETACH_INTERFACE.name(), sent.method());
        assertEquals(port, sent.args().get("portId").asText());
    }

    @Test
    void everyRefusalIsNovasAndLeavesNothingBehind() throws Exception {
        String net = Neutron.network(null, "ifaces-bad");
        Neutron.subnet(null, net, "198.19.56.0/24");
        String id = activeServer();
        String missing = "5f0e7a0c-5a3f-4d7e-9d2c-0b8a5e0f1a13";
        String path = id + "/os-interface";

        api("2.1", "POST", path, Map.of("interfaceAttachment", Map.of("net_id", net, "port_id", missing)))
                .statusCode(400).body("badRequest.message", equalTo("Must not input both network_id and port_id"));
        api("2.1", "POST", path, Map.of("interfaceAttachment", Map.of("fixed_ips",
                List.of(Map.of("ip_address", "198.19.56.4"))))).statusCode(400)
                .body("badRequest.message", equalTo("Must input network_id when request IP address"));
        api("2.1", "POST", path, Map.of("interfaceAttachment", Map.of("net_id", missing))).statusCode(404)
                .body("itemNotFound.message", equalTo("Network " + missing + " could not be found."));
        api("2.1", "POST", path, Map.of("interfaceAttachment", Map.of("port_id", missing))).statusCode(404)
                .body("itemNotFound.message", equalTo("Port id " + missing + " could not be found."));
        api("2.1", "POST", path, Map.of("interfaceAttachment", Map.of("net_id", "not-a-uuid"))).statusCode(400);
        api("2.48", "POST", path, Map.of("interfaceAttachment", Map.of("net_id", net, "tag", "t"))).statusCode(400);
        api("2.1", "POST", path, Map.of("interfaceAttachment", Map.of("net_id", net, "bogus", 1))).statusCode(400);
        // choosing a network is off in this profile: none is available
        String noNetwork = "No specific network was requested and none are available for project '"
                + given().when().get("/compute/v2.1/servers/" + id).then().extract().path("server.tenant_id") + "'.";
        api("2.1", "POST", path, Map.of()).statusCode(400).body("badRequest.message", equalTo(noNetwork));
        // Tempest's form of the same: an attachment naming nothing
        api("2.70", "POST", path, Map.of("interfaceAttachment", Map.of())).statusCode(400)
                .body("badRequest.message", equalTo(noNetwork));
        api("2.1", "DELETE", path + "/" + missing, null).statusCode(404);

        rows.set(id, "task_state = 'rebooting'");
        api("2.1", "POST", path, Map.of("interfaceAttachment", Map.of("net_id", net))).statusCode(409)
                .body("conflictingRequest.message", equalTo("Cannot 'attach_interface' instance " + id
                        + " while it is in task_state rebooting"));
        // (a lock stops members, not this test's admin: ServerLockIT)
        rows.set(id, "task_state = NULL, vm_state = 'error'");
        api("2.1", "POST", path, Map.of("interfaceAttachment", Map.of("net_id", net))).statusCode(409);

        assertEquals(0, portsOn(net));
        api("2.1", "GET", path, null).statusCode(200).body("interfaceAttachments", hasSize(0));
    }
}
