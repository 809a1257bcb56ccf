package io.windlass.container.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.container.ContainerStatus;
import io.windlass.container.TaskState;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.network.WorkloadPort;
import io.windlass.networking.Neutron;
import io.windlass.rpc.Envelope;
import io.windlass.testing.ContainerRows;
import io.windlass.testing.RpcQueueProbe;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Zun's {@code network_attach} and {@code network_detach} at the api-service: the port is bound or
 * made with the row's {@code nics} and the cast to the conductor in one transaction, every refusal
 * is Zun's and leaves no port behind. What the conductor and the host then do is
 * {@code WorkloadInterfacesIT}'s and {@code TenantNetworksST}'s.
 */
@QuarkusTest
class ContainerInterfacesIT {
    private static final String VERSION = "container 1.40";

    @Inject
    ContainerRows rows;
    @Inject
    ObjectMapper json;

    private RpcQueueProbe conductor;

    @BeforeEach
    void probe() throws Exception {
        conductor = RpcQueueProbe.on("conductor", json);
    }

    @AfterEach
    void close() throws Exception {
        conductor.close();
    }

    private static ValidatableResponse post(String version, String path) {
        return given().header("OpenStack-API-Version", version).when().post("/container/v1/containers/" + path).then();
    }

    private static int portsOn(String network) {
        return as(null).queryParam("network_id", network).when().get(V2 + "/ports").then().statusCode(200)
                .extract().path("ports.size()");
    }

    private Envelope cast(String method) throws Exception {
        Envelope sent = conductor.next(Duration.ofSeconds(5)).envelope();
        assertEquals(method, sent.method());
        return sent;
    }

    @Test
    void aNetworkAttachedGetsAPortMadeAndRecordedWithTheCastAndASecondOneOnItIsRefused() throws Exception {
        String net = Neutron.network(null, "attach-net");
        String subnet = Neutron.subnet(null, net, "198.19.50.0/24");
        ContainerEntity c = rows.insert("attach-net-c", ContainerStatus.RUNNING, "h1");

        post(VERSION, c.uuid + "/network_attach?network=attach-net&fixed_ip=198.19.50.7").statusCode(202);

        ContainerEntity after = rows.find(c.uuid).orElseThrow();
        assertEquals(TaskState.NETWORK_ATTACHING, after.taskState);
        assertEquals(1, after.nics.size());
        WorkloadPort nic = after.nics.getFirst();
        assertEquals(net, nic.networkId());
        assertTrue(!nic.preserveOnDelete(), "a port made for the attach goes with the container");
        as(null).when().get(V2 + "/ports/" + nic.portId()).then().statusCode(200)
                .body("port.device_id", equalTo(c.uuid.toString())).body("port.device_owner", equalTo("compute:kuryr"))
                .body("port.fixed_ips", contains(Map.of("subnet_id", subnet, "ip_address", "198.19.50.7")));
        Envelope sent = cast(ConductorRpcApi.ATTACH_INTERFACE.name());
        assertEquals("container", sent.args().get("kind").asText());
        assertEquals(c.uuid.toString(), sent.args().get("uuid").asText());
        assertEquals(nic.portId(), sent.args().get("portId").asText());

        // one port per network per container: Zun's words, and the port made for the second try rolls back
        rows.update(c.uuid, r -> r.taskState = null);
        post(VERSION, c.uuid + "/network_attach?network=" + net).statusCode(400).body("errors[0].detail",
                equalTo("Network '" + net + "' is already connected to container '" + c.uuid + "'."));
        assertEquals(1, portsOn(net));
    }

    @Test
    void aPortAttachedIsPreservedAndDetachedByPortOrByNetwork() throws Exception {
        String net = Neutron.network(null, "attach-port-net");
        Neutron.subnet(null, net, "198.19.51.0/24");
        String port = Neutron.port(null, Map.of("network_id", net, "name", "attach-port-p")).statusCode(201)
                .extract().path("port.id");
        ContainerEntity c = rows.insert("attach-port-c", ContainerStatus.STOPPED, "h1");

        post(VERSION, c.uuid + "/network_attach?port=attach-port-p").statusCode(202);
        assertEquals(List.of(new WorkloadPort(port, net, true, null)), rows.find(c.uuid).orElseThrow().nics);
        cast(ConductorRpcApi.ATTACH_INTERFACE.name());
        rows.update(c.uuid, r -> r.taskState = null);

        // by port from 1.17; before, only by network
        post("container 1.16", c.uuid + "/network_detach?port=" + port).statusCode(400);
        post(VERSION, c.uuid + "/network_detach?port=" + port).statusCode(202);
        assertEquals(TaskState.NETWORK_DETACHING, rows.find(c.uuid).orElseThrow().taskState);
        Envelope sent = cast(ConductorRpcApi.DETACH_INTERFACE.name());
        assertEquals(port, sent.args().get("portId").asText());
        // the port stays the container's until the host has let it go
        as(null).when().get(V2 + "/ports/" + port).then().body("port.device_id", equalTo(c.uuid.toString()));

        rows.update(c.uuid, r -> r.taskState = null);
        post("container 1.6", c.uuid + "/network_detach?network=attach-port-net").statusCode(202);
        assertEquals(port, cast(ConductorRpcApi.DETACH_INTERFACE.name()).args().get("portId").asText());
    }

    @Test
    void everyRefusalIsZunsAndLeavesNothingBehind() {
        String net = Neutron.network(null, "attach-bad");
        Neutron.subnet(null, net, "198.19.52.0/24");
        String other = Neutron.network(null, "attach-bad-other");
        Neutron.subnet(null, other, "198.19.53.0/24");
        ContainerEntity c = rows.insert("attach-bad-c", ContainerStatus.RUNNING, "h1");
        ContainerEntity creating = rows.insert("attach-bad-creating", ContainerStatus.CREATING, "h1");
        String missing = "5f0e7a0c-5a3f-4d7e-9d2c-0b8a5e0f1a12";
        String path = c.uuid + "/network_attach";

        post("container 1.7", path + "?network=" + net).statusCode(406);
        post("container 1.5", c.uuid + "/network_detach?network=" + net).statusCode(406);
        post(VERSION, path + "?network=" + missing).statusCode(404).body("errors[0].detail",
                equalTo("Neutron network " + missing + " could not be found."));
        post(VERSION, path + "?port=" + missing).statusCode(404);
        post(VERSION, path + "?network=" + net + "&port=" + missing).statusCode(400);
        post(VERSION, path + "?network=" + net + "&fixed_ip=not-an-ip").statusCode(400);
        post(VERSION, path + "?network=" + net + "&v4-fixed-ip=198.19.52.3").statusCode(400);
        post(VERSION, path + "?network=" + net + "&fixed_ip=198.19.99.3").statusCode(400)
                .body("errors[0].code", equalTo("container.invalid-ip-for-network"));
        // the project sees networks, but choosing one is off in this profile: Zun's answer to none
        post(VERSION, path).statusCode(409).body("errors[0].detail", equalTo("There is no neutron network available"));
        post(VERSION, creating.uuid + "/network_attach?network=" + net).statusCode(409).body("errors[0].detail",
                equalTo("Cannot network_attach container " + creating.uuid + " in Creating state."));
        post(VERSION, c.uuid + "/network_detach?network=" + other).statusCode(400).body("errors[0].detail",
                equalTo("Network '" + other + "' is not attached to container '" + c.uuid + "'."));
        post(VERSION, c.uuid + "/network_detach").statusCode(400);
        post(VERSION, c.uuid + "/network_detach?network=" + net + "&port=" + missing).statusCode(400);

        assertEquals(0, portsOn(net));
        ContainerEntity after = rows.find(c.uuid).orElseThrow();
        assertTrue(after.nics.isEmpty());
        assertNull(after.taskState);
    }
}
