package io.windlass.securitygroup.api;

import io.quarkus.test.junit.QuarkusTest;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.networking.Neutron;
import io.windlass.rpc.Envelope;
import io.windlass.testing.RpcQueueProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.windlass.networking.Neutron.V2;
import static io.windlass.networking.Neutron.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Security groups and rules: the default group, Neutron's rule validation, in-use and duplicate rules. */
@QuarkusTest
class SecurityGroupsIT {
    @jakarta.inject.Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    private static io.restassured.response.ValidatableResponse rule(String group, Object... attributes) {
        Map<String, Object> body = new HashMap<>(Map.of("security_group_id", group, "direction", "ingress"));
        for (int i = 0; i < attributes.length; i += 2) {
            body.put((String) attributes[i], attributes[i + 1]);
        }
        return Neutron.post(null, "security-group-rules", "security_group_rule", body);
    }

    @Test
    void theDefaultGroupHasNeutronsRules() {
        // other tests make ports (so default groups) in other projects: the test project's own
        String id = as(null).when().get(V2 + "/security-groups?name=default&project_id=default").then().statusCode(200)
                .body("security_groups", hasSize(1))
                .body("security_groups[0].security_group_rules", hasSize(4))
                .extract().path("security_groups[0].id");
        as(null).when().get(V2 + "/security-groups/" + id).then().statusCode(200)
                .body("security_group.security_group_rules.findAll { it.direction == 'ingress' }.remote_group_id",
                        equalTo(List.of(id, id)))
                .body("security_group.security_group_rules.findAll { it.direction == 'egress' }.remote_ip_prefix",
                        equalTo(java.util.Arrays.asList(null, null)));
        Neutron.post(null, "security-groups", "security_group", Map.of("name", "default")).statusCode(409)
                .body("NeutronError.type", equalTo("SecurityGroupDefaultAlreadyExists"));
    }

    /** A rule added or removed reaches the hosts: refresh_port_filters is recorded with the change. */
    @Test
    void aRuleChangeAsksTheConductorToRefreshTheHostsFilters() throws Exception {
        String group = Neutron.post(null, "security-groups", "security_group", Map.of("name", "refreshed"))
                .statusCode(201).extract().path("security_group.id");
        try (RpcQueueProbe conductor = RpcQueueProbe.on("conductor", json)) {
            String rule = rule(group, "protocol", "tcp", "port_range_min", 80, "port_range_max", 80).statusCode(201)
                    .extract().path("security_group_rule.id");
            Envelope sent = conductor.next(Duration.ofSeconds(5)).envelope();
            assertEquals(ConductorRpcApi.REFRESH_PORT_FILTERS.name(), sent.method());
            assertEquals(group, sent.args().get("groupIds").get(0).asText());
            as(null).when().delete(V2 + "/security-group-rules/" + rule).then().statusCode(204);
            assertEquals(ConductorRpcApi.REFRESH_PORT_FILTERS.name(),
                    conductor.next(Duration.ofSeconds(5)).envelope().method());
        }
    }

    @Test
    void groupsAndRulesLifeCycle() {
        String group = Neutron.post(null, "security-groups", "security_group", Map.of("name", "web", "description", "w"))
                .statusCode(201).body("security_group.security_group_rules", hasSize(2))
                .extract().path("security_group.id");
        String ssh = rule(group, "protocol", "tcp", "port_range_min", 22, "port_range_max", 22, "remote_ip_prefix",
                "198.19.0.7/15").statusCode(201).body("security_group_rule.remote_ip_prefix", equalTo("198.19.0.7/15"))
                .body("security_group_rule.normalized_cidr", equalTo("198.18.0.0/15"))
                .body("security_group_rule.ethertype", equalTo("IPv4"))
                .extract().path("security_group_rule.id");
        rule(group, "protocol", "tcp", "port_range_min", 22, "port_range_max", 22, "remote_ip_prefix", "198.19.0.7/15")
                .statusCode(409).body("NeutronError.type", equalTo("SecurityGroupRuleExists"))
                .body("NeutronError.message", equalTo("Security group rule already exists. Rule id is " + ssh + "."));
        rule(group, "protocol", "tcp", "port_range_min", 30, "port_range_max", 20).statusCode(400)
                .body("NeutronError.type", equalTo("SecurityGroupInvalidPortRange"));
        rule(group, "protocol", "tcp", "port_range_min", 99999999999L, "port_range_max", 99999999999L)
                .statusCode(400).body("NeutronError.type", equalTo("SecurityGroupInvalidPortValue"));
        rule(group, "port_range_min", 30).statusCode(400)
                .body("NeutronError.type", equalTo("SecurityGroupProtocolRequiredWithPorts"));
        rule(group, "protocol", "bogus").statusCode(400)
                .body("NeutronError.type", equalTo("SecurityGroupRuleInvalidProtocol"));
        rule(group, "protocol", "icmp", "port_range_max", 0).statusCode(400)
                .body("NeutronError.type", equalTo("SecurityGroupMissingIcmpType"));
        // a remote group id that is no uuid names no group: Neutron's 404, not a 400
        rule(group, "protocol", "tcp", "remote_group_id", "bad_group_id").statusCode(404)
                .body("NeutronError.type", equalTo("SecurityGroupNotFound"));
        rule(group, "remote_ip_prefix", "198.18.0.0/15", "remote_group_id", group).statusCode(400)
                .body("NeutronError.message", equalTo("Only remote_ip_prefix or remote_group_id may be provided."));
        rule(group, "remote_ip_prefix", "fd00::/64").statusCode(400)
                .body("NeutronError.type", equalTo("SecurityGroupRuleParameterConflict"));
        rule(group, "direction", "sideways").statusCode(400)
                .body("NeutronError.message", startsWith("Invalid input for direction. Reason: "));
        rule("00000000-0000-0000-0000-000000000000").statusCode(404)
                .body("NeutronError.type", equalTo("SecurityGroupNotFound"));
        as(null).when().get(V2 + "/security-group-rules?security_group_id=" + group).then().statusCode(200)
                .body("security_group_rules", hasSize(3)).body("security_group_rules.id", hasItem(ssh));
        as(null).when().delete(V2 + "/security-group-rules/" + ssh).then().statusCode(204);
        as(null).when().get(V2 + "/security-group-rules/" + ssh).then().statusCode(404)
                .body("NeutronError.type", equalTo("SecurityGroupRuleNotFound"));

        String net = Neutron.network(null, "sg-net");
        String port = Neutron.port(null, Map.of("network_id", net, "security_groups", List.of(group))).statusCode(201)
                .body("port.security_groups", equalTo(List.of(group))).extract().path("port.id");
        as(null).when().delete(V2 + "/security-groups/" + group).then().statusCode(409)
                .body("NeutronError.type", equalTo("SecurityGroupInUse"))
                .body("NeutronError.message", equalTo("Security Group " + group + " in use."));
        as(null).body(Map.of("port", Map.of("security_groups", List.of()))).when().put(V2 + "/ports/" + port).then()
                .statusCode(200).body("port.security_groups", hasSize(0));
        as(null).body(Map.of("security_group", Map.of("name", "web2"))).when().put(V2 + "/security-groups/" + group)
                .then().statusCode(200).body("security_group.name", equalTo("web2"));
        as(null).when().delete(V2 + "/security-groups/" + group).then().statusCode(204);
        Neutron.port(null, Map.of("network_id", net, "security_groups", List.of(group))).statusCode(404)
                .body("NeutronError.type", equalTo("SecurityGroupNotFound"));
    }
}
