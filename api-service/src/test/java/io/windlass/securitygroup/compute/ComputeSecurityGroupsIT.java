package io.windlass.securitygroup.compute;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.windlass.networking.Neutron;
import io.windlass.server.VmState;
import io.windlass.testing.Keystone;
import io.windlass.testing.ProjectMember;
import io.windlass.testing.RealTokens;
import io.windlass.testing.ServerRows;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.windlass.networking.Neutron.V2;
import static io.windlass.networking.Neutron.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Nova's security group proxies with real tokens: groups and rules in Nova's format over the
 * Networking API's, Nova's statuses and messages, 404 from 2.36, another project's groups not found,
 * and a server's groups (served at every version).
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class ComputeSecurityGroupsIT {
    private static final String GROUPS = "/compute/v2.1/os-security-groups";
    private static final String RULES = "/compute/v2.1/os-security-group-rules";

    @Inject
    ServerRows rows;
    @Inject
    EntityManager em;

    private ProjectMember alice;
    private ProjectMember bob;

    @BeforeEach
    void twoProjects() {
        alice = ProjectMember.create("sga");
        bob = ProjectMember.create("sgb");
    }

    @AfterEach
    void removeServers() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM servers WHERE project_id = :p")
                .setParameter("p", alice.project()).executeUpdate());
    }

    private static RequestSpecification nova(String token, String version) {
        return given().header("X-Auth-Token", token).header("OpenStack-API-Version", "compute " + version)
                .contentType("application/json");
    }

    private static RequestSpecification nova(String token) {
        return nova(token, "2.35");
    }

    private static ValidatableResponse createGroup(String token, String name, String description) {
        return nova(token).body(Map.of("security_group", Map.of("name", name, "description", description)))
                .post(GROUPS).then();
    }

    private static String group(String token, String name) {
        return createGroup(token, name, "for " + name).statusCode(200).extract().path("security_group.id");
    }

    private static ValidatableResponse createRule(String token, Object... members) {
        Map<String, Object> rule = new HashMap<>();
        for (int i = 0; i < members.length; i += 2) {
            rule.put((String) members[i], members[i + 1]);
        }
        return nova(token).body(Map.of("security_group_rule", rule)).post(RULES).then();
    }

    @Test
    void groupsAreCreatedListedShownUpdatedAndDeletedInNovasFormat() {
        String id = createGroup(alice.member(), " web ", "front").statusCode(200)
                .body("security_group.name", equalTo(" web "))
                .body("security_group.description", equalTo("front"))
                .body("security_group.tenant_id", equalTo(alice.project()))
                // Neutron's egress rules are not Nova's to show
                .body("security_group.rules", hasSize(0))
                .extract().path("security_group.id");

        nova(alice.member(), "2.1").get(GROUPS + "/" + id).then().statusCode(200)
                .body("security_group.id", equalTo(id))
                .body("security_group.name", equalTo(" web "))
                .body("security_group.keySet()", equalTo(java.util.Set.of("id", "description", "name", "tenant_id",
                        "rules")));
        // the project's default group (with its two ingress rules from itself) comes first: sorted by name
        nova(alice.member()).get(GROUPS).then().statusCode(200)
                .body("security_groups.name", equalTo(List.of(" web ", "default")))
                .body("security_groups[1].rules", hasSize(2))
                .body("security_groups[1].rules[0].group.name", equalTo("default"))
                .body("security_groups[1].rules[0].group.tenant_id", equalTo(alice.project()))
                .body("security_groups[1].rules[0].ip_protocol", nullValue());
        nova(alice.member()).queryParam("limit", "1").get(GROUPS).then().statusCode(200)
                .body("security_groups", hasSize(1));

        nova(alice.member()).body(Map.of("security_group", Map.of("name", "web2", "description", "")))
                .put(GROUPS + "/" + id).then().statusCode(200)
                .body("security_group.name", equalTo("web2"))
                .body("security_group.description", equalTo(""));
        as(alice.member()).get(V2 + "/security-groups/" + id).then().statusCode(200)
                .body("security_group.name", equalTo("web2"));

        nova(alice.member()).delete(GROUPS + "/" + id).then().statusCode(202);
        nova(alice.member()).get(GROUPS + "/" + id).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Security group " + id + " does not exist"));
        nova(alice.member()).delete(GROUPS + "/" + id).then().statusCode(404);
        nova(alice.member()).get(GROUPS + "/not-a-uuid").then().statusCode(400)
                .body("badRequest.message", equalTo("Security group id should be uuid"));
        nova(alice.member()).delete(GROUPS + "/").then().statusCode(404);
        // Neutron's refusal of a second default is Nova's 403
        createGroup(alice.member(), "default", "").statusCode(403)
                .body("forbidden.message", equalTo("Default security group already exists."));
    }

    @Test
    void invalidBodiesNameTheField() {
        // Windlass names the field by its whole path (ApiFamily), Nova by its last element
        createGroup(alice.member(), "x".repeat(256), "d").statusCode(400)
                .body("badRequest.message", startsWith("Invalid input for field/attribute security_group/name."))
                .body("badRequest.message", containsString("is too long"));
        nova(alice.member()).body(Map.of("security_group", Map.of("name", "n"))).post(GROUPS).then().statusCode(400)
                .body("badRequest.message", containsString("'description' is a required property"));
        String id = group(alice.member(), "n");
        nova(alice.member()).body(Map.of("security_group", Map.of("name", "n", "description", "d".repeat(256))))
                .put(GROUPS + "/" + id).then().statusCode(400)
                .body("badRequest.message", startsWith("Invalid input for field/attribute security_group/description."));
        createRule(alice.member(), "parent_group_id", "not-a-uuid", "ip_protocol", "tcp", "from_port", 22,
                "to_port", 22).statusCode(400)
                .body("badRequest.message", startsWith(
                        "Invalid input for field/attribute security_group_rule/parent_group_id."));
        createRule(alice.member(), "ip_protocol", "tcp").statusCode(400)
                .body("badRequest.message", containsString("'parent_group_id' is a required property"));
    }

    @Test
    void rulesInNovasShapeBecomeNeutronIngressRules() {
        String web = group(alice.member(), "web");
        String peer = group(alice.member(), "peer");

        String ssh = createRule(alice.member(), "parent_group_id", web, "ip_protocol", "tcp", "from_port", 22,
                "to_port", "22").statusCode(200)
                .body("security_group_rule.parent_group_id", equalTo(web))
                .body("security_group_rule.ip_protocol", equalTo("tcp"))
                .body("security_group_rule.from_port", equalTo(22))
                .body("security_group_rule.to_port", equalTo(22))
                .body("security_group_rule.ip_range.cidr", equalTo("0.0.0.0/0"))
                .body("security_group_rule.group", equalTo(Map.of()))
                .extract().path("security_group_rule.id");
        as(alice.member()).get(V2 + "/security-group-rules/" + ssh).then().statusCode(200)
                .body("security_group_rule.direction", equalTo("ingress"))
                .body("security_group_rule.ethertype", equalTo("IPv4"))
                .body("security_group_rule.port_range_min", equalTo(22))
                .body("security_group_rule.remote_ip_prefix", equalTo("0.0.0.0/0"));
        createRule(alice.member(), "parent_group_id", web, "ip_protocol", "tcp", "from_port", 22, "to_port", 22)
                .statusCode(400).body("badRequest.message", equalTo("This rule already exists in group " + web));

        createRule(alice.member(), "parent_group_id", web, "ip_protocol", "tcp", "group_id", peer).statusCode(200)
                .body("security_group_rule.group.name", equalTo("peer"))
                .body("security_group_rule.group.tenant_id", equalTo(alice.project()))
                .body("security_group_rule.ip_range", equalTo(Map.of()))
                .body("security_group_rule.from_port", equalTo(1))
                .body("security_group_rule.to_port", equalTo(65535));
        String ping = createRule(alice.member(), "parent_group_id", web, "ip_protocol", "icmp", "from_port", -1,
                "to_port", -1, "cidr", "fd00::/64").statusCode(200)
                .body("security_group_rule.from_port", equalTo(-1))
                .body("security_group_rule.ip_range.cidr", equalTo("fd00::/64"))
                .extract().path("security_group_rule.id");
        as(alice.member()).get(V2 + "/security-group-rules/" + ping).then().statusCode(200)
                .body("security_group_rule.ethertype", equalTo("IPv6"))
                .body("security_group_rule.port_range_min", nullValue());
        // a cidr with host bits is shown back as given, as Nova over Neutron shows it (Tempest's
        // test_security_group_rules_create_with_optional_cidr); the port filters enforce its network
        String https = createRule(alice.member(), "parent_group_id", web, "ip_protocol", "tcp", "from_port", 443,
                "to_port", 443, "cidr", "198.18.3.124/24").statusCode(200)
                .body("security_group_rule.ip_range.cidr", equalTo("198.18.3.124/24"))
                .extract().path("security_group_rule.id");
        as(alice.member()).get(V2 + "/security-group-rules/" + https).then().statusCode(200)
                .body("security_group_rule.remote_ip_prefix", equalTo("198.18.3.124/24"))
                .body("security_group_rule.normalized_cidr", equalTo("198.18.3.0/24"));
        nova(alice.member()).get(GROUPS + "/" + web).then().statusCode(200)
                .body("security_group.rules", hasSize(4))
                .body("security_group.rules.id", hasItems(ssh, ping, https));

        createRule(alice.member(), "parent_group_id", web, "ip_protocol", "gre", "from_port", 1, "to_port", 2)
                .statusCode(400).body("badRequest.message", equalTo("Invalid IP protocol gre."));
        createRule(alice.member(), "parent_group_id", web, "ip_protocol", "tcp", "from_port", 22, "to_port", 21)
                .statusCode(400).body("badRequest.message",
                        equalTo("Invalid port range 22:21. Former value cannot be greater than the later"));
        createRule(alice.member(), "parent_group_id", web, "ip_protocol", "tcp", "from_port", 1)
                .statusCode(400).body("badRequest.message", equalTo("Not enough parameters to build a valid rule."));
        // what Neutron refuses comes back as Nova's 400 in Neutron's words
        createRule(alice.member(), "parent_group_id", web, "ip_protocol", "icmp", "from_port", -1, "to_port", 5)
                .statusCode(400).body("badRequest.message", containsString("ICMP type (port-range-min) is missing"));
        String missing = UUID.randomUUID().toString();
        createRule(alice.member(), "parent_group_id", missing, "ip_protocol", "tcp", "from_port", 22, "to_port", 22)
                .statusCode(404).body("itemNotFound.message", equalTo("Security group " + missing + " does not exist"));

        nova(alice.member()).delete(RULES + "/" + ssh).then().statusCode(202);
        as(alice.member()).get(V2 + "/security-group-rules/" + ssh).then().statusCode(404);
        nova(alice.member()).delete(RULES + "/" + ssh).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Security group rule " + ssh + " does not exist"));
        nova(alice.member()).delete(RULES + "/nope").then().statusCode(400)
                .body("badRequest.message", equalTo("Security group id should be uuid"));
    }

    @Test
    void fromMicroversion236TheProxiesAreGone() {
        String id = group(alice.member(), "old");
        for (ValidatableResponse gone : List.of(
                nova(alice.member(), "2.36").get(GROUPS).then(),
                nova(alice.member(), "2.36").get(GROUPS + "/" + id).then(),
                nova(alice.member(), "2.36").body(Map.of()).post(GROUPS).then(),
                nova(alice.member(), "2.36").body(Map.of()).put(GROUPS + "/" + id).then(),
                nova(alice.member(), "2.36").delete(GROUPS + "/" + id).then(),
                nova(alice.member(), "2.90").body(Map.of()).post(RULES).then(),
                nova(alice.member(), "2.36").delete(RULES + "/" + UUID.randomUUID()).then())) {
            gone.statusCode(404).body("itemNotFound.code", equalTo(404))
                    .body("itemNotFound.message", equalTo("The resource could not be found."));
        }
        nova(alice.member(), "2.35").get(GROUPS + "/" + id).then().statusCode(200);
    }

    @Test
    void anotherProjectsGroupIsNotFoundAndAdminsSeeAllOnlyWhenAsked() {
        String id = group(alice.member(), "private");
        nova(bob.member()).get(GROUPS + "/" + id).then().statusCode(404);
        nova(bob.member()).body(Map.of("security_group", Map.of("name", "x", "description", "")))
                .put(GROUPS + "/" + id).then().statusCode(404);
        nova(bob.member()).delete(GROUPS + "/" + id).then().statusCode(404);
        createRule(bob.member(), "parent_group_id", id, "ip_protocol", "tcp", "from_port", 1, "to_port", 2)
                .statusCode(404);
        String bobs = group(bob.member(), "bobs");
        createRule(bob.member(), "parent_group_id", bobs, "group_id", id).statusCode(404);
        nova(bob.member()).queryParam("all_tenants", "1").get(GROUPS).then().statusCode(200)
                .body("security_groups.id", not(hasItem(id)))
                .body("security_groups.id", hasItem(bobs));

        nova(alice.admin()).get(GROUPS).then().statusCode(200).body("security_groups.id", not(hasItem(id)));
        nova(alice.admin()).queryParam("all_tenants", "").get(GROUPS).then().statusCode(200)
                .body("security_groups.id", hasItems(id, bobs));
        nova(alice.admin()).get(GROUPS + "/" + id).then().statusCode(200)
                .body("security_group.tenant_id", equalTo(alice.project()));
    }

    @Test
    void readersLookMembersChange() {
        String name = Keystone.unique("sgr");
        Keystone.createUser(alice.admin(), name, "pw", alice.project(), "reader");
        String reader = Keystone.token(name, "pw", alice.projectName());
        String id = group(alice.member(), "seen");
        nova(reader).get(GROUPS + "/" + id).then().statusCode(200);
        createGroup(reader, "r", "").statusCode(403).body("forbidden.message",
                equalTo("Policy doesn't allow os_compute_api:os-security-groups:create to be performed."));
        nova(reader).delete(GROUPS + "/" + id).then().statusCode(403);
    }

    @Test
    void aGroupInUseOrTheDefaultIsNotDeletedAs400() {
        String id = group(alice.member(), "used");
        String net = Neutron.network(alice.member(), "sg-used");
        String port = Neutron.port(alice.member(), Map.of("network_id", net, "security_groups", List.of(id)))
                .statusCode(201).extract().path("port.id");
        nova(alice.member()).delete(GROUPS + "/" + id).then().statusCode(400)
                .body("badRequest.message", equalTo("Security Group " + id + " in use."));
        String defaultGroup = nova(alice.member()).get(GROUPS).then().statusCode(200)
                .extract().path("security_groups.find { it.name == 'default' }.id");
        nova(alice.member()).delete(GROUPS + "/" + defaultGroup).then().statusCode(400)
                .body("badRequest.message", equalTo("Insufficient rights for removing default security group."));

        as(alice.member()).delete(V2 + "/ports/" + port).then().statusCode(204);
        nova(alice.member()).delete(GROUPS + "/" + id).then().statusCode(202);
    }

    @Test
    void aServersGroupsAreThoseOfItsPortsAtEveryVersion() {
        String web = group(alice.member(), "web");
        String db = group(alice.member(), "db");
        createRule(alice.member(), "parent_group_id", db, "ip_protocol", "tcp", "from_port", 5432, "to_port", 5432,
                "group_id", web).statusCode(200);
        UUID server = rows.insert(alice.project(), "sg-host", VmState.ACTIVE);
        String net = Neutron.network(alice.member(), "sg-server");
        String port = Neutron.port(alice.member(), Map.of("network_id", net, "device_id", server.toString(),
                "security_groups", List.of(web, db))).statusCode(201).extract().path("port.id");

        for (String version : List.of("2.1", "2.36", "2.100")) {
            nova(alice.member(), version).get("/compute/v2.1/servers/" + server + "/os-security-groups").then()
                    .statusCode(200)
                    .body("security_groups.name", equalTo(List.of("db", "web")))
                    .body("security_groups[0].id", equalTo(db))
                    .body("security_groups[0].rules[0].group.name", equalTo("web"))
                    .body("security_groups[0].rules[0].from_port", equalTo(5432));
        }
        nova(bob.member()).get("/compute/v2.1/servers/" + server + "/os-security-groups").then().statusCode(404)
                .body("itemNotFound.message", equalTo("Instance " + server + " could not be found."));
        nova(alice.member()).get("/compute/v2.1/servers/" + UUID.randomUUID() + "/os-security-groups").then()
                .statusCode(404);
        as(alice.member()).delete(V2 + "/ports/" + port).then().statusCode(204);

        // a server on the engine's own network has no ports: the groups it names, as its view shows them
        UUID portless = rows.insert(alice.project(), "sg-host", VmState.ACTIVE, s -> s.securityGroups = List.of("web"));
        nova(alice.member()).get("/compute/v2.1/servers/" + portless + "/os-security-groups").then().statusCode(200)
                .body("security_groups.id", equalTo(List.of(web)));
    }

    @Test
    void overQuotaIsNovas403() {
        ValidatableResponse refused = null;
        for (int i = 0; i < 12 && refused == null; i++) {
            ValidatableResponse created = createGroup(alice.member(), "q" + i, "");
            if (created.extract().statusCode() != 200) {
                refused = created;
            }
        }
        assertNotNull(refused, "the project's security_group quota (10) was never reached");
        refused.statusCode(403)
                .body("forbidden.message", equalTo("Quota exceeded for resources: ['security_group']."));
    }
}
