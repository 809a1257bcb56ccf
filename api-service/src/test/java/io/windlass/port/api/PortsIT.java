package io.windlass.port.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.windlass.networking.Neutron;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.windlass.networking.Neutron.V2;
import static io.windlass.networking.Neutron.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Ports: addresses (automatic, fixed, races), MACs, binding fields, filters, updates and Neutron's errors. */
@QuarkusTest
class PortsIT {

    @Test
    void automaticAddressMacAndUnboundBinding() {
        String net = Neutron.network(null, "p-auto");
        String v4 = Neutron.subnet(null, net, "198.18.30.0/24");
        String v6 = Neutron.subnet(null, net, "fd00:30::/64", 6);
        Map<String, Object> port = Neutron.port(null, Map.of("network_id", net, "name", "p1")).statusCode(201)
                .body("port.status", equalTo("DOWN"))
                .body("port.mac_address", matchesPattern("^fa:16:3e(:[0-9a-f]{2}){3}$"))
                .body("port.'binding:vif_type'", equalTo("unbound"))
                .body("port.'binding:host_id'", equalTo(""))
                .body("port.'binding:vnic_type'", equalTo("normal"))
                .body("port.device_id", equalTo("")).body("port.device_owner", equalTo(""))
                .body("port.fixed_ips", hasSize(2))
                .body("port.security_groups", hasSize(1))
                .extract().path("port");
        @SuppressWarnings("unchecked")
        List<Map<String, String>> ips = (List<Map<String, String>>) port.get("fixed_ips");
        assertEquals(List.of(v4, v6).stream().sorted().toList(), ips.stream().map(i -> i.get("subnet_id")).sorted().toList());
        String sg = ((List<?>) port.get("security_groups")).getFirst().toString();
        as(null).when().get(V2 + "/security-groups/" + sg).then().statusCode(200).body("security_group.name",
                equalTo("default"));
        String ip = ips.stream().filter(i -> i.get("subnet_id").equals(v4)).findFirst().orElseThrow().get("ip_address");
        as(null).queryParam("fixed_ips", "ip_address=" + ip).queryParam("network_id", net).when().get(V2 + "/ports").then().statusCode(200)
                .body("ports.id", contains(port.get("id")));
        as(null).queryParam("fixed_ips", "subnet_id=" + v4).queryParam("fields", "id", "fixed_ips")
                .when().get(V2 + "/ports").then()
                .statusCode(200).body("ports.id", contains(port.get("id")))
                .body("ports[0].keySet()", contains("id", "fixed_ips"));
        as(null).when().get(V2 + "/ports?mac_address=" + port.get("mac_address")).then().body("ports", hasSize(1));
    }

    @Test
    void fixedAddressesAndTheirErrors() {
        String net = Neutron.network(null, "p-fixed");
        String sub = Neutron.subnet(null, net, "198.18.31.0/24");
        Neutron.port(null, Map.of("network_id", net, "fixed_ips", List.of(Map.of("ip_address", "198.18.31.50"))))
                .statusCode(201).body("port.fixed_ips", contains(Map.of("subnet_id", sub, "ip_address", "198.18.31.50")));
        Neutron.port(null, Map.of("network_id", net, "fixed_ips", List.of(Map.of("subnet_id", sub, "ip_address",
                "198.18.31.50")))).statusCode(409).body("NeutronError.type", equalTo("IpAddressInUse"))
                .body("NeutronError.message", equalTo("Unable to complete operation for network " + net
                        + ". The IP address 198.18.31.50 is in use."));
        // the second address is taken: nothing of the port is left, its first address is still free
        Neutron.port(null, Map.of("network_id", net, "fixed_ips", List.of(Map.of("ip_address", "198.18.31.60"),
                Map.of("ip_address", "198.18.31.50")))).statusCode(409).body("NeutronError.type", equalTo("IpAddressInUse"));
        Neutron.port(null, Map.of("network_id", net, "fixed_ips", List.of(Map.of("ip_address", "198.18.31.60"))))
                .statusCode(201);
        Neutron.port(null, Map.of("network_id", net, "fixed_ips", List.of(Map.of("ip_address", "198.18.99.5"))))
                .statusCode(400).body("NeutronError.type", equalTo("InvalidIpForNetwork"))
                .body("NeutronError.message", equalTo("IP address 198.18.99.5 is not a valid IP for any of the subnets on "
                        + "the specified network."));
        Neutron.port(null, Map.of("network_id", net, "fixed_ips", List.of(Map.of("subnet_id", sub, "ip_address",
                "198.18.99.5")))).statusCode(400).body("NeutronError.type", equalTo("InvalidIpForSubnet"));
        Neutron.port(null, Map.of("network_id", net, "fixed_ips", List.of(Map.of("subnet_id", sub)))).statusCode(201)
                .body("port.fixed_ips[0].subnet_id", equalTo(sub));
        Neutron.port(null, Map.of("network_id", net, "mac_address", "zz:zz")).statusCode(400)
                .body("NeutronError.message", equalTo("Invalid input for mac_address. Reason: 'zz:zz' is not a valid MAC address."));
        Neutron.port(null, Map.of("network_id", net, "mac_address", "FA:16:3E:00:00:01")).statusCode(201)
                .body("port.mac_address", equalTo("fa:16:3e:00:00:01"));
        Neutron.port(null, Map.of("network_id", net, "mac_address", "fa:16:3e:00:00:01")).statusCode(409)
                .body("NeutronError.type", equalTo("MacAddressInUse"));
        Neutron.port(null, Map.of("network_id", net, "bogus", true)).statusCode(400)
                .body("NeutronError.message", equalTo("Unrecognized attribute(s) 'bogus'"));
        as(null).when().get(V2 + "/ports?network_id=" + net).then().body("ports", hasSize(4));
    }

    @Test
    void aFullSubnetIsIpAddressGenerationFailureAndLeavesNoPort() {
        String net = Neutron.network(null, "p-full");
        Neutron.post(null, "subnets", "subnet", Map.of("network_id", net, "cidr", "198.18.32.0/29", "ip_version", 4))
                .statusCode(201);
        for (int i = 0; i < 5; i++) {
            Neutron.port(null, Map.of("network_id", net)).statusCode(201);
        }
        Neutron.port(null, Map.of("network_id", net)).statusCode(409)
                .body("NeutronError.type", equalTo("IpAddressGenerationFailure"))
                .body("NeutronError.message", equalTo("No more IP addresses available on network " + net + "."));
        as(null).when().get(V2 + "/ports?network_id=" + net).then().body("ports", hasSize(5));
    }

    /** Two creates for the same fixed address at once: exactly one wins, the other is IpAddressInUse. */
    @Test
    void racingForOneAddressHasOneWinner() throws Exception {
        String net = Neutron.network(null, "p-race");
        Neutron.subnet(null, net, "198.18.33.0/24");
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> results = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            Callable<Response> create = () -> {
                start.await();
                return as(null).body(Map.of("port", Map.of("network_id", net, "fixed_ips",
                        List.of(Map.of("ip_address", "198.18.33.77"))))).when().post(V2 + "/ports");
            };
            results.add(pool.submit(create));
        }
        start.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Response> result : results) {
            Response response = result.get();
            codes.add(response.statusCode());
            if (response.statusCode() == 409) {
                assertEquals("IpAddressInUse", response.path("NeutronError.type"));
            }
        }
        pool.shutdown();
        assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes.toString());
        assertEquals(racers - 1, codes.stream().filter(c -> c == 409).count(), codes.toString());
        as(null).when().get(V2 + "/ports?network_id=" + net).then().body("ports", hasSize(1));
    }

    @Test
    void updateBindsChangesAddressesAndDeleteReleases() {
        String net = Neutron.network(null, "p-update");
        String sub = Neutron.subnet(null, net, "198.18.34.0/24");
        String id = Neutron.port(null, Map.of("network_id", net, "fixed_ips", List.of(Map.of("ip_address",
                "198.18.34.10")))).statusCode(201).extract().path("port.id");
        as(null).body(Map.of("port", Map.of("binding:host_id", "host-1", "device_id", "dev-1", "device_owner",
                        "compute:nova", "name", "bound")))
                .when().put(V2 + "/ports/" + id).then().statusCode(200)
                .body("port.status", equalTo("ACTIVE")).body("port.'binding:vif_type'", equalTo("bridge"))
                .body("port.'binding:host_id'", equalTo("host-1")).body("port.device_id", equalTo("dev-1"));
        as(null).when().get(V2 + "/ports?device_id=dev-1&device_owner=compute:nova&status=ACTIVE").then()
                .body("ports.id", contains(id));
        as(null).body(Map.of("port", Map.of("fixed_ips", List.of(Map.of("ip_address", "198.18.34.10"),
                        Map.of("ip_address", "198.18.34.11")))))
                .when().put(V2 + "/ports/" + id).then().statusCode(200).body("port.fixed_ips", hasSize(2));
        as(null).body(Map.of("port", Map.of("fixed_ips", List.of(Map.of("ip_address", "198.18.34.12")))))
                .when().put(V2 + "/ports/" + id).then().statusCode(200)
                .body("port.fixed_ips", contains(Map.of("subnet_id", sub, "ip_address", "198.18.34.12")));
        // the released addresses are free again
        Neutron.port(null, Map.of("network_id", net, "fixed_ips", List.of(Map.of("ip_address", "198.18.34.10"))))
                .statusCode(201);
        as(null).body(Map.of("port", Map.of("binding:host_id", "", "device_id", "", "device_owner", "")))
                .when().put(V2 + "/ports/" + id).then().statusCode(200)
                .body("port.status", equalTo("DOWN")).body("port.'binding:vif_type'", equalTo("unbound"));
        as(null).when().delete(V2 + "/ports/" + id).then().statusCode(204);
        as(null).when().get(V2 + "/ports/" + id).then().statusCode(404)
                .body("NeutronError.type", equalTo("PortNotFound"))
                .body("NeutronError.message", equalTo("Port " + id + " could not be found."));
        Neutron.port(null, Map.of("network_id", net, "fixed_ips", List.of(Map.of("ip_address", "198.18.34.12"))))
                .statusCode(201);
    }

    @Test
    void aNetworkWithoutSubnetsGivesPortsNoAddress() {
        String net = Neutron.network(null, "p-empty");
        Neutron.port(null, new HashMap<>(Map.of("network_id", net))).statusCode(201).body("port.fixed_ips", empty());
    }

    @Test
    void slaacSubnetsGiveTheMacsEui64Address() {
        String net = Neutron.network(null, "p-slaac");
        String sub = Neutron.post(null, "subnets", "subnet", Map.of("network_id", net, "cidr", "fd00:35::/64",
                "ip_version", 6, "ipv6_address_mode", "slaac", "ipv6_ra_mode", "slaac")).statusCode(201)
                .extract().path("subnet.id");
        Neutron.port(null, Map.of("network_id", net, "mac_address", "fa:16:3e:12:34:56")).statusCode(201)
                .body("port.fixed_ips", contains(Map.of("subnet_id", sub, "ip_address", "fd00:35::f816:3eff:fe12:3456")));
    }
}
