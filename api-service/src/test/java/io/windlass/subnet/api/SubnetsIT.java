package io.windlass.subnet.api;

import io.quarkus.test.junit.QuarkusTest;
import io.windlass.networking.Neutron;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.windlass.networking.Neutron.V2;
import static io.windlass.networking.Neutron.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Subnets: layouts (defaults, pools, gateway), Neutron's errors for bad ones, overlap, "in use". */
@QuarkusTest
class SubnetsIT {

    private static io.restassured.response.ValidatableResponse create(Map<String, Object> subnet) {
        return Neutron.post(null, "subnets", "subnet", subnet);
    }

    private static Map<String, Object> subnet(String net, String cidr, int version, Object... more) {
        Map<String, Object> body = new HashMap<>(Map.of("network_id", net, "cidr", cidr, "ip_version", version));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    @Test
    void defaultsForIpv4AndIpv6() {
        String net = Neutron.network(null, "s-defaults");
        String v4 = create(subnet(net, "198.18.20.0/24", 4, "name", "s4")).statusCode(201)
                .body("subnet.gateway_ip", equalTo("198.18.20.1"))
                .body("subnet.allocation_pools", contains(Map.of("start", "198.18.20.2", "end", "198.18.20.254")))
                .body("subnet.enable_dhcp", equalTo(true))
                .body("subnet.ip_version", equalTo(4))
                .body("subnet.dns_nameservers", empty())
                .extract().path("subnet.id");
        create(subnet(net, "fd00:20::/64", 6)).statusCode(201)
                .body("subnet.gateway_ip", equalTo("fd00:20::1"))
                .body("subnet.allocation_pools", contains(Map.of("start", "fd00:20::2", "end",
                        "fd00:20::ffff:ffff:ffff:ffff")));
        as(null).when().get(V2 + "/networks/" + net).then().body("network.subnets[0]", equalTo(v4));
        as(null).when().get(V2 + "/subnets?network_id=" + net + "&ip_version=4").then().statusCode(200)
                .body("subnets.id", contains(v4));
    }

    @Test
    void gatewayNoneAndGivenPools() {
        String net = Neutron.network(null, "s-pools");
        create(subnet(net, "198.18.21.0/24", 4, "gateway_ip", null)).statusCode(201)
                .body("subnet.gateway_ip", nullValue())
                .body("subnet.allocation_pools", contains(Map.of("start", "198.18.21.1", "end", "198.18.21.254")));
        String other = Neutron.network(null, "s-pools-2");
        create(subnet(other, "198.18.22.0/24", 4, "gateway_ip", "198.18.22.254", "allocation_pools",
                List.of(Map.of("start", "198.18.22.10", "end", "198.18.22.20")), "dns_nameservers", List.of("8.8.8.8"),
                "host_routes", List.of(Map.of("destination", "198.19.0.0/16", "nexthop", "198.18.22.254"))))
                .statusCode(201).body("subnet.gateway_ip", equalTo("198.18.22.254"))
                .body("subnet.allocation_pools", contains(Map.of("start", "198.18.22.10", "end", "198.18.22.20")))
                .body("subnet.dns_nameservers", contains("8.8.8.8"))
                .body("subnet.host_routes[0].destination", equalTo("198.19.0.0/16"));
    }

    @Test
    void badLayoutsAreNeutronsErrors() {
        String net = Neutron.network(null, "s-bad");
        create(subnet(net, "198.18.23.1/24", 4)).statusCode(400).body("NeutronError.message", equalTo(
                "Invalid input for cidr. Reason: '198.18.23.1/24' isn't a recognized IP subnet cidr, '198.18.23.0/24' is recommended."));
        create(subnet(net, "198.18.23.0/24", 6)).statusCode(400).body("NeutronError.type", equalTo("InvalidInput"));
        create(subnet(net, "banana", 4)).statusCode(400);
        create(subnet(net, "198.18.23.0/24", 5)).statusCode(400);
        create(subnet(net, "198.18.23.0/24", 4, "gateway_ip", "198.18.99.1")).statusCode(400)
                .body("NeutronError.message", equalTo("Invalid input for operation: Gateway is not valid on subnet."));
        create(subnet(net, "198.18.23.0/24", 4, "allocation_pools", List.of(Map.of("start", "198.18.23.20", "end",
                "198.18.23.10")))).statusCode(400).body("NeutronError.type", equalTo("InvalidAllocationPool"));
        create(subnet(net, "198.18.23.0/24", 4, "allocation_pools", List.of(Map.of("start", "198.18.23.20", "end",
                "198.18.24.10")))).statusCode(400).body("NeutronError.type", equalTo("OutOfBoundsAllocationPool"));
        create(subnet(net, "198.18.23.0/24", 4, "allocation_pools", List.of(Map.of("start", "198.18.23.2", "end",
                "198.18.23.50"), Map.of("start", "198.18.23.40", "end", "198.18.23.60")))).statusCode(409)
                .body("NeutronError.type", equalTo("OverlappingAllocationPools"));
        create(subnet(net, "198.18.23.0/24", 4, "allocation_pools", List.of(Map.of("start", "198.18.23.1", "end",
                "198.18.23.50")))).statusCode(409).body("NeutronError.type", equalTo("GatewayConflictWithAllocationPools"));
        create(subnet(Neutron.network(null, "x"), "198.18.23.0/24", 4, "bogus", 1)).statusCode(400)
                .body("NeutronError.message", equalTo("Unrecognized attribute(s) 'bogus'"));
        create(subnet("00000000-0000-0000-0000-000000000000", "198.18.23.0/24", 4)).statusCode(404)
                .body("NeutronError.type", equalTo("NetworkNotFound"));
        as(null).when().get(V2 + "/networks/" + net).then().body("network.subnets", empty());
    }

    @Test
    void overlapWithinANetworkOnly() {
        String net = Neutron.network(null, "s-overlap");
        Neutron.subnet(null, net, "198.19.0.0/16");
        create(subnet(net, "198.19.5.0/24", 4)).statusCode(400).body("NeutronError.message", equalTo(
                "Invalid input for operation: Requested subnet with cidr: 198.19.5.0/24 for network: " + net
                        + " overlaps with another subnet."));
        Neutron.subnet(null, Neutron.network(null, "s-overlap-2"), "198.19.5.0/24");
    }

    @Test
    void updateAndDeleteWhileInUse() {
        String net = Neutron.network(null, "s-update");
        String id = Neutron.subnet(null, net, "198.18.25.0/24");
        as(null).body(Map.of("subnet", Map.of("name", "renamed", "gateway_ip", "198.18.25.254", "allocation_pools",
                        List.of(Map.of("start", "198.18.25.2", "end", "198.18.25.100")), "dns_nameservers", List.of("1.1.1.1"))))
                .when().put(V2 + "/subnets/" + id).then().statusCode(200)
                .body("subnet.name", equalTo("renamed")).body("subnet.gateway_ip", equalTo("198.18.25.254"))
                .body("subnet.revision_number", equalTo(2));
        as(null).body(Map.of("subnet", Map.of("cidr", "198.18.26.0/24"))).when().put(V2 + "/subnets/" + id).then()
                .statusCode(400).body("NeutronError.message", containsString("Unrecognized attribute(s) 'cidr'"));
        String port = Neutron.port(null, Map.of("network_id", net)).statusCode(201).extract().path("port.id");
        as(null).when().delete(V2 + "/subnets/" + id).then().statusCode(409)
                .body("NeutronError.type", equalTo("SubnetInUse"))
                .body("NeutronError.message", equalTo("Unable to complete operation on subnet " + id
                        + ": One or more ports have an IP allocation from this subnet."));
        as(null).when().delete(V2 + "/ports/" + port).then().statusCode(204);
        as(null).when().delete(V2 + "/subnets/" + id).then().statusCode(204);
        as(null).when().get(V2 + "/subnets/" + id).then().statusCode(404).body("NeutronError.type",
                equalTo("SubnetNotFound"));
    }
}
