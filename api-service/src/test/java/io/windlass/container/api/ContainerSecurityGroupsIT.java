package io.windlass.container.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.windlass.networking.Neutron;
import io.windlass.rpc.Envelope;
import io.windlass.testing.ContainerRows;
import io.windlass.testing.RpcQueueProbe;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.windlass.networking.Neutron.V2;
import static io.windlass.networking.Neutron.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Zun's {@code security_groups} at create and its {@code add_security_group} / {@code remove_security_group}
 * (1.1–1.14): the groups resolved to ids on the row, on the ports made for the container, and each change
 * recorded with the conductor's {@code refresh_port_filters}, which has the ports' hosts enforce it
 * ({@code PortFiltersIT} shows a host's filters; {@code ContainerPortFiltersIT} in the conductor the filters
 * a container's groups give its host).
 */
@QuarkusTest
class ContainerSecurityGroupsIT {
    private static final String V1_14 = "container 1.14";

    @Inject
    ContainerRows rows;
    @Inject
    ObjectMapper json;

    private static String group(String name) {
        return Neutron.post(null, "security-groups", "security_group", Map.of("name", name)).statusCode(201)
                .extract().path("security_group.id");
    }

    private static ValidatableResponse create(Map<String, Object> body) {
        return given().header("OpenStack-API-Version", "container 1.40").contentType("application/json")
                .body(body).when().post("/container/v1/containers").then();
    }

    private static ValidatableResponse change(String version, String uuid, String action, String group) {
        return given().header("OpenStack-API-Version", version).queryParam("name", group).when()
                .post("/container/v1/containers/" + uuid + "/" + action).then();
    }

    private static ValidatableResponse portsOf(String uuid) {
        return as(null).queryParam("device_id", uuid).when().get(V2 + "/ports").then().statusCode(200);
    }

    private static int portsOn(String network) {
        return as(null).queryParam("network_id", network).when().get(V2 + "/ports").then().statusCode(200)
                .extract().path("ports.size()");
    }

    @Test
    void theGroupsNamedAtCreateAreTheContainersAndItsPortsByIdThenAddedAndRemoved() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String web = group("web-" + suffix);
        String db = group("db-" + suffix);
        String net = Neutron.network(null, "sg-" + suffix);
        Neutron.subnet(null, net, "198.19.61.0/24");

        // by name and by id, the same group twice taken once
        String uuid = create(Map.of("image", "busybox", "nets", List.of(Map.of("network", net)),
                "security_groups", List.of("web-" + suffix, web))).statusCode(202)
                .body("security_groups", equalTo(List.of(web))).extract().path("uuid");
        String port = portsOf(uuid).body("ports[0].security_groups", equalTo(List.of(web))).extract().path("ports[0].id");

        // placed and running, as the conductor would have it
        rows.writeAsConductor(UUID.fromString(uuid), "status = 'Running', host = 'sg-host'");
        try (RpcQueueProbe conductor = RpcQueueProbe.on("conductor", json)) {
            change(V1_14, uuid, "add_security_group", "db-" + suffix).statusCode(202);
            Envelope refresh = conductor.next(Duration.ofSeconds(10)).envelope();
            assertEquals("refresh_port_filters", refresh.method());
            assertEquals(List.of(db), json.convertValue(refresh.args().get("groupIds"), List.class));
            assertEquals(List.of(port), json.convertValue(refresh.args().get("portIds"), List.class));
        }
        portsOf(uuid).body("ports[0].security_groups", containsInAnyOrder(web, db));
        given().header("OpenStack-API-Version", V1_14).when().get("/container/v1/containers/" + uuid).then()
                .statusCode(200).body("security_groups", equalTo(List.of(web, db)));
        change(V1_14, uuid, "add_security_group", db).statusCode(400)
                .body("errors[0].code", equalTo("container.invalid-value"))
                .body("errors[0].detail", equalTo("Security group " + db + " has been added to container."));

        String removal = change(V1_14, uuid, "remove_security_group", "web-" + suffix).statusCode(202)
                .extract().header("X-OpenStack-Request-Id");
        portsOf(uuid).body("ports[0].security_groups", equalTo(List.of(db)));
        change(V1_14, uuid, "remove_security_group", web).statusCode(400)
                .body("errors[0].detail", equalTo("Security group " + web + " was not added to container."));
        change(V1_14, uuid, "add_security_group", "nope-" + suffix).statusCode(400)
                .body("errors[0].detail", equalTo("Security group nope-" + suffix + " not found."));
        // the actions are logged under Zun's names
        given().header("OpenStack-API-Version", V1_14).when()
                .get("/container/v1/containers/" + uuid + "/container_actions").then().statusCode(200)
                .body("containerActions.action", containsInAnyOrder("create", "add_security_group",
                        "remove_security_group"));

        // finished with the change (1.33 shows it): no host reports on it
        given().header("OpenStack-API-Version", "container 1.33").when()
                .get("/container/v1/containers/" + uuid + "/container_actions/" + removal).then().statusCode(200)
                .body("action", equalTo("remove_security_group"))
                .body("finish_time", org.hamcrest.Matchers.notNullValue());

        rows.writeAsConductor(UUID.fromString(uuid), "status = 'Error', host = NULL");
        given().header("OpenStack-API-Version", "container 1.40").when().delete("/container/v1/containers/" + uuid)
                .then().statusCode(204);
        portsOf(uuid).body("ports", empty());
    }

    @Test
    void theActionsFollowZunsVersionsAndStates() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        group("gated-" + suffix);
        String uuid = create(Map.of("image", "busybox")).statusCode(202).extract().path("uuid");
        // Zun removed the proxy to Neutron in 1.15
        change("container 1.15", uuid, "add_security_group", "gated-" + suffix).statusCode(406);
        change("container 1.40", uuid, "remove_security_group", "gated-" + suffix).statusCode(406);
        // Creating: not one of Created, Running, Stopped, Paused
        change(V1_14, uuid, "add_security_group", "gated-" + suffix).statusCode(409)
                .body("errors[0].detail", equalTo("Cannot add_security_group container " + uuid
                        + " in Creating state."));
        given().header("OpenStack-API-Version", V1_14).when()
                .post("/container/v1/containers/" + uuid + "/add_security_group").then().statusCode(400)
                .body("errors[0].detail", equalTo("'name' is a required property"));
        given().header("OpenStack-API-Version", "container 1.40").when()
                .delete("/container/v1/containers/" + uuid + "?force=True").then().statusCode(204);
    }

    @Test
    void anUnknownGroupIsZunsRefusalAndLeavesNoContainerNorPort() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String net = Neutron.network(null, "sg-refused-" + suffix);
        Neutron.subnet(null, net, "198.19.62.0/24");
        long before = rows.count();
        create(Map.of("image", "busybox", "nets", List.of(Map.of("network", net)),
                "security_groups", List.of("missing-" + suffix))).statusCode(400)
                .body("errors[0].code", equalTo("container.invalid-value"))
                .body("errors[0].detail", equalTo("Security group missing-" + suffix + " not found."));
        assertEquals(before, rows.count());
        assertEquals(0, portsOn(net));
        // two groups of one name: Zun's 409, by id it is taken
        String one = group("twin-" + suffix);
        group("twin-" + suffix);
        create(Map.of("image", "busybox", "security_groups", List.of("twin-" + suffix))).statusCode(409)
                .body("errors[0].detail", equalTo("Multiple security group matches found for name twin-" + suffix
                        + ", use an ID to be more specific."));
        String uuid = create(Map.of("image", "busybox", "security_groups", List.of(one))).statusCode(202)
                .body("security_groups", equalTo(List.of(one))).extract().path("uuid");
        assertTrue(rows.find(UUID.fromString(uuid)).isPresent());
        given().header("OpenStack-API-Version", "container 1.40").when()
                .delete("/container/v1/containers/" + uuid + "?force=True").then().statusCode(204);
    }

    @Test
    void exposedPortsMakeTheContainersOwnGroupOpeningThemWhichGoesWithIt() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String net = Neutron.network(null, "exposed-" + suffix);
        Neutron.subnet(null, net, "198.19.63.0/24");
        String uuid = given().header("OpenStack-API-Version", "container 1.24").contentType("application/json")
                .body(Map.of("image", "busybox", "nets", List.of(Map.of("network", net)),
                        "exposed_ports", Map.of("80/tcp", Map.of(), "53/udp", Map.of())))
                .when().post("/container/v1/containers").then().statusCode(202).extract().path("uuid");
        String group = as(null).queryParam("name", "zun-" + uuid).when().get(V2 + "/security-groups").then()
                .statusCode(200).body("security_groups", org.hamcrest.Matchers.hasSize(1))
                .extract().path("security_groups[0].id");
        // Zun's expose_ports: ingress from anywhere (IPv4), the port as its range; Neutron's egress pair
        as(null).queryParam("security_group_id", group).queryParam("direction", "ingress").when()
                .get(V2 + "/security-group-rules").then().statusCode(200)
                .body("security_group_rules.protocol", containsInAnyOrder("tcp", "udp"))
                .body("security_group_rules.port_range_min", containsInAnyOrder(80, 53))
                .body("security_group_rules.port_range_max", containsInAnyOrder(80, 53))
                .body("security_group_rules.remote_ip_prefix", containsInAnyOrder("0.0.0.0/0", "0.0.0.0/0"));
        given().header("OpenStack-API-Version", "container 1.24").when().get("/container/v1/containers/" + uuid)
                .then().statusCode(200).body("security_groups", equalTo(List.of(group)));
        // the container's ports are in it, not in the default group
        portsOf(uuid).body("ports[0].security_groups", equalTo(List.of(group)));

        given().header("OpenStack-API-Version", "container 1.24").when()
                .delete("/container/v1/containers/" + uuid + "?force=True").then().statusCode(204);
        as(null).when().get(V2 + "/security-groups/" + group).then().statusCode(404);
        assertEquals(0, portsOn(net));
    }

    @Test
    void aRefusedExposedPortLeavesNoGroupBehind() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String net = Neutron.network(null, "exposed-bad-" + suffix);
        Neutron.subnet(null, net, "198.19.64.0/24");
        int groups = as(null).when().get(V2 + "/security-groups").then().statusCode(200)
                .extract().path("security_groups.size()");
        // a fixed address outside the subnet fails after the group was made: both roll back
        given().header("OpenStack-API-Version", "container 1.24").contentType("application/json")
                .body(Map.of("image", "busybox", "nets", List.of(Map.of("network", net, "v4-fixed-ip", "198.18.9.9")),
                        "exposed_ports", Map.of("80/tcp", Map.of())))
                .when().post("/container/v1/containers").then().statusCode(400);
        as(null).when().get(V2 + "/security-groups").then().statusCode(200)
                .body("security_groups.size()", equalTo(groups));
        assertEquals(0, portsOn(net));
    }
}
