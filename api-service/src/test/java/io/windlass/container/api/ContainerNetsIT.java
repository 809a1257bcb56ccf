package io.windlass.container.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.windlass.networking.Neutron;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.windlass.networking.Neutron.V2;
import static io.windlass.networking.Neutron.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Zun's {@code nets} on container create: every accepted shape binds or makes the container's
 * port in the create's transaction, every refusal answers in Zun's words and leaves no port,
 * address or row behind, and a delete unbinds the port the user brought and deletes the one
 * made for the container (the rows here are never placed, so the api-service deletes them).
 */
@QuarkusTest
class ContainerNetsIT {
    @jakarta.inject.Inject
    io.windlass.testing.ContainerRows rows;

    private static ValidatableResponse create(Object nets) {
        return given().header("OpenStack-API-Version", "container 1.40").contentType("application/json")
                .body(Map.of("image", "busybox", "nets", nets)).when().post("/container/v1/containers").then();
    }

    private static String created(Object nets) {
        return create(nets).statusCode(202).extract().path("uuid");
    }

    private static void delete(String uuid) {
        // still Creating (no conductor here): Zun lets only a forced delete through
        given().header("OpenStack-API-Version", "container 1.40").when()
                .delete("/container/v1/containers/" + uuid + "?force=True")
                .then().statusCode(204);
    }

    private static ValidatableResponse showPort(String id) {
        return as(null).when().get(V2 + "/ports/" + id).then();
    }

    private static int portsOn(String network) {
        return as(null).queryParam("network_id", network).when().get(V2 + "/ports").then().statusCode(200)
                .extract().path("ports.size()");
    }

    private static int containers() {
        return given().header("OpenStack-API-Version", "container 1.40").when().get("/container/v1/containers").then()
                .statusCode(200).extract().path("containers.size()");
    }

    @Test
    void aPortTheUserBroughtIsBoundThenKeptUnboundForTheNextContainer() {
        String net = Neutron.network(null, "nets-port");
        Neutron.subnet(null, net, "198.19.40.0/24");
        String port = Neutron.port(null, Map.of("network_id", net, "name", "nets-port-p")).statusCode(201)
                .extract().path("port.id");

        String first = created(List.of(Map.of("port", port)));
        showPort(port).statusCode(200).body("port.device_id", equalTo(first))
                .body("port.device_owner", equalTo("compute:kuryr"));
        // bound to a device: Zun's PortInUse
        create(List.of(Map.of("port", port))).statusCode(400).body("errors[0].detail",
                equalTo("Port " + port + " is still in use."));

        delete(first);
        showPort(port).statusCode(200).body("port.device_id", equalTo("")).body("port.device_owner", equalTo(""))
                .body("port.status", equalTo("DOWN")).body("port.'binding:host_id'", equalTo(""))
                .body("port.'binding:vif_type'", equalTo("unbound"));

        // by name this time; the same port serves the next container
        String second = created(List.of(Map.of("port", "nets-port-p")));
        showPort(port).statusCode(200).body("port.device_id", equalTo(second));
        delete(second);
        showPort(port).statusCode(200).body("port.device_id", equalTo(""));
    }

    @Test
    void aNetworkWithAFixedAddressGetsAPortMadeForTheContainerAndDeletedWithIt() {
        String net = Neutron.network(null, "nets-fixed");
        String subnet = Neutron.subnet(null, net, "198.19.41.0/24");

        String uuid = created(List.of(Map.of("network", "nets-fixed", "v4-fixed-ip", "198.19.41.20")));
        as(null).queryParam("device_id", uuid).when().get(V2 + "/ports").then().statusCode(200)
                .body("ports", hasSize(1)).body("ports[0].network_id", equalTo(net))
                .body("ports[0].device_owner", equalTo("compute:kuryr"))
                .body("ports[0].fixed_ips", contains(Map.of("subnet_id", subnet, "ip_address", "198.19.41.20")));
        // the address is the container's now: Neutron's IpAddressInUse, in Zun's envelope
        create(List.of(Map.of("network", net, "v4-fixed-ip", "198.19.41.20"))).statusCode(409)
                .body("errors[0].code", equalTo("container.ip-address-in-use"));

        delete(uuid);
        as(null).queryParam("device_id", uuid).when().get(V2 + "/ports").then().statusCode(200).body("ports", empty());
        // and free again
        String again = created(List.of(Map.of("network", net, "v4-fixed-ip", "198.19.41.20")));
        delete(again);
    }

    @Test
    void everyRefusalIsZunsAndLeavesNothingBehind() {
        String net = Neutron.network(null, "nets-bad");
        Neutron.subnet(null, net, "198.19.42.0/24");
        String empty = Neutron.network(null, "nets-bad-nosubnet");
        Neutron.network(null, "nets-twin");
        Neutron.network(null, "nets-twin");
        String foreign = Neutron.port(null, Map.of("network_id", net, "project_id", "another-project"))
                .statusCode(201).extract().path("port.id");
        int portsBefore = portsOn(net);
        int containersBefore = containers();
        String missing = "5f0e7a0c-5a3f-4d7e-9d2c-0b8a5e0f1a11";

        create(List.of(Map.of("network", missing))).statusCode(404).body("errors[0].detail",
                equalTo("Neutron network " + missing + " could not be found."));
        create(List.of(Map.of("network", "no-such-net"))).statusCode(404).body("errors[0].detail",
                equalTo("Neutron network no-such-net could not be found."));
        create(List.of(Map.of("network", "nets-twin"))).statusCode(409).body("errors[0].detail",
                equalTo("Multiple neutron networks exist with same name. Please use the uuid instead."));
        create(List.of(Map.of("port", missing))).statusCode(404).body("errors[0].detail",
                equalTo("Neutron port " + missing + " could not be found."));
        // another project's port is one the caller cannot see
        create(List.of(Map.of("port", foreign))).statusCode(404);
        create(List.of(Map.of("network", empty))).statusCode(400).body("errors[0].detail",
                equalTo("The Neutron network " + empty + " has no subnet"));
        create(List.of(Map.of("network", net, "v4-fixed-ip", "198.19.99.9"))).statusCode(400)
                .body("errors[0].code", equalTo("container.invalid-ip-for-network"));
        // the schema: exactly one of network and port, no other keys, well-formed addresses
        create(List.of(Map.of("network", net, "port", foreign))).statusCode(400);
        create(List.of(Map.of("v4-fixed-ip", "198.19.42.9"))).statusCode(400);
        create(List.of(Map.of("network", net, "fixed_ip", "198.19.42.9"))).statusCode(400);
        create(List.of(Map.of("network", net, "v4-fixed-ip", "not-an-ip"))).statusCode(400);
        create(List.of(Map.of("network", ""))).statusCode(400);
        // a good first item does not survive a bad second one
        create(List.of(Map.of("network", net), Map.of("network", missing))).statusCode(404);

        assertEquals(portsBefore, portsOn(net));
        assertEquals(containersBefore, containers());
    }

    @Test
    void noNetsOrEmptyNetsKeepsTheEngineNetworkWhereChoosingIsOff() {
        // the test profile turns choosing off (other tests' networks are in this project); zunclient's [] is accepted
        String a = created(List.of());
        String b = given().header("OpenStack-API-Version", "container 1.40").contentType("application/json")
                .body("{\"image\": \"busybox\", \"nets\": null}").when().post("/container/v1/containers").then().statusCode(202)
                .extract().path("uuid");
        as(null).queryParam("device_id", a).when().get(V2 + "/ports").then().body("ports", empty());
        delete(a);
        delete(b);
    }

    @Test
    void networkListIsOneEntryPerAddressUpTo117AndOnePerPortFrom118() {
        var c = rows.insert("net-list", io.windlass.container.ContainerStatus.RUNNING, "h1", row -> row.addresses =
                Map.of("n1", List.of(new io.windlass.container.ContainerAddress("198.19.43.5", 4, "p1", "s4", true),
                        new io.windlass.container.ContainerAddress("fd00:43::5", 6, "p1", "s6", true))));
        String path = "/container/v1/containers/" + c.uuid + "/network_list";
        given().header("OpenStack-API-Version", "container 1.17").when().get(path).then().statusCode(200)
                .body("networks", hasSize(2))
                .body("networks[0]", equalTo(Map.of("net_id", "n1", "subnet_id", "s4", "port_id", "p1", "version", 4,
                        "ip_address", "198.19.43.5")));
        given().header("OpenStack-API-Version", "container 1.18").when().get(path).then().statusCode(200)
                .body("networks", hasSize(1)).body("networks[0].net_id", equalTo("n1"))
                .body("networks[0].port_id", equalTo("p1"))
                .body("networks[0].fixed_ips", contains(Map.of("subnet_id", "s4", "version", 4, "ip_address",
                        "198.19.43.5"), Map.of("subnet_id", "s6", "version", 6, "ip_address", "fd00:43::5")));
        given().header("OpenStack-API-Version", "container 1.12").when().get(path).then().statusCode(406);
    }
}
