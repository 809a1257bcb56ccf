package io.windlass.router.api;

import io.quarkus.test.junit.QuarkusTest;
import io.windlass.networking.Neutron;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.windlass.networking.Neutron.V2;
import static io.windlass.networking.Neutron.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Routers as Tempest's dynamic credentials use them: create, interface by subnet, remove, delete. */
@QuarkusTest
class RoutersIT {

    @Test
    void tempestsProjectTopology() {
        String net = Neutron.network(null, "r-net");
        String subnet = Neutron.subnet(null, net, "198.18.40.0/24");
        String router = Neutron.post(null, "routers", "router", Map.of("name", "r1")).statusCode(201)
                .body("router.external_gateway_info", nullValue()).body("router.status", equalTo("ACTIVE"))
                .extract().path("router.id");
        String port = as(null).body(Map.of("subnet_id", subnet)).when()
                .put(V2 + "/routers/" + router + "/add_router_interface").then().statusCode(200)
                .body("subnet_id", equalTo(subnet)).body("network_id", equalTo(net)).body("id", equalTo(router))
                .extract().path("port_id");
        as(null).when().get(V2 + "/ports/" + port).then().statusCode(200)
                .body("port.device_owner", equalTo("network:router_interface"))
                .body("port.device_id", equalTo(router))
                .body("port.fixed_ips[0].ip_address", equalTo("198.18.40.1"));
        as(null).body(Map.of("subnet_id", subnet)).when().put(V2 + "/routers/" + router + "/add_router_interface")
                .then().statusCode(400).body("NeutronError.message", equalTo("Bad router request: Router already has "
                        + "a port on subnet " + subnet + "."));
        as(null).when().delete(V2 + "/ports/" + port).then().statusCode(409)
                .body("NeutronError.type", equalTo("ServicePortInUse"));
        as(null).when().delete(V2 + "/routers/" + router).then().statusCode(409)
                .body("NeutronError.type", equalTo("RouterInUse"))
                .body("NeutronError.message", equalTo("Router " + router + " still has ports"));
        // a router interface does not keep the subnet or network in use, as the brief asks
        as(null).body(Map.of("subnet_id", subnet)).when().put(V2 + "/routers/" + router + "/remove_router_interface")
                .then().statusCode(200).body("port_id", equalTo(port));
        as(null).body(Map.of("subnet_id", subnet)).when().put(V2 + "/routers/" + router + "/remove_router_interface")
                .then().statusCode(404).body("NeutronError.type", equalTo("RouterInterfaceNotFoundForSubnet"));
        as(null).when().get(V2 + "/ports?device_id=" + router).then().body("ports", hasSize(0));
        as(null).when().delete(V2 + "/routers/" + router).then().statusCode(204);
        as(null).when().delete(V2 + "/subnets/" + subnet).then().statusCode(204);
        as(null).when().delete(V2 + "/networks/" + net).then().statusCode(204);
        as(null).when().get(V2 + "/routers/" + router).then().statusCode(404)
                .body("NeutronError.type", equalTo("RouterNotFound"));
    }

    @Test
    void externalGatewaysDoNotExistHere() {
        Neutron.post(null, "routers", "router", Map.of("name", "r2", "external_gateway_info",
                Map.of("network_id", "00000000-0000-0000-0000-000000000001"))).statusCode(404)
                .body("NeutronError.type", equalTo("NetworkNotFound"));
        String net = Neutron.network(null, "not-external");
        Neutron.post(null, "routers", "router", Map.of("external_gateway_info", Map.of("network_id", net)))
                .statusCode(400).body("NeutronError.message", equalTo("Bad router request: Network " + net
                        + " is not an external network."));
        as(null).when().get(V2 + "/routers?name=r2").then().body("routers", hasSize(0));
    }

    @Test
    void aNetworkWithARouterInterfaceCanStillBeDeleted() {
        String net = Neutron.network(null, "r-net2");
        String subnet = Neutron.subnet(null, net, "198.18.41.0/24");
        String router = Neutron.post(null, "routers", "router", Map.of("name", "r3")).statusCode(201)
                .extract().path("router.id");
        as(null).body(Map.of("subnet_id", subnet)).when().put(V2 + "/routers/" + router + "/add_router_interface")
                .then().statusCode(200);
        as(null).when().delete(V2 + "/networks/" + net).then().statusCode(204);
        as(null).when().get(V2 + "/ports?device_id=" + router).then().body("ports", hasSize(0));
        as(null).when().delete(V2 + "/routers/" + router).then().statusCode(204);

    }
}
