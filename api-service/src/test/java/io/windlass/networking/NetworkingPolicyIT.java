package io.windlass.networking;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.windlass.testing.Keystone;
import io.windlass.testing.RealTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.windlass.networking.Neutron.V2;
import static io.windlass.networking.Neutron.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/**
 * Neutron's default policy with real tokens: a project's member writes, its reader only reads,
 * another project sees nothing of it (404) unless the network is shared, admin-only attributes.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class NetworkingPolicyIT {
    private String admin;
    private String member;
    private String reader;
    private String other;
    private String otherProject;

    @BeforeEach
    void personas() {
        admin = Keystone.adminToken();
        String projectA = Keystone.createProject(admin, Keystone.unique("neta"));
        otherProject = Keystone.createProject(admin, Keystone.unique("netb"));
        member = login(projectA, "member");
        reader = login(projectA, "reader");
        other = login(otherProject, "member");
    }

    private String login(String projectId, String role) {
        String name = Keystone.unique("u-" + role);
        Keystone.createUser(admin, name, "secret-" + name, projectId, role);
        String projectName = as(admin).when().get("/v3/projects/" + projectId).then().extract().path("project.name");
        return Keystone.token(name, "secret-" + name, projectName);
    }

    @Test
    void noTokenIsNeutrons401() {
        as(null).when().get(V2 + "/networks").then().statusCode(401)
                .body("NeutronError.type", equalTo("HTTPUnauthorized"));
        as(null).when().get("/network").then().statusCode(200);
    }

    @Test
    void ownReadWriteOthersNotFound() {
        String net = Neutron.network(member, "mine");
        as(member).when().get(V2 + "/networks/" + net).then().statusCode(200)
                .body("network", not(hasKey("provider:segmentation_id")));
        as(admin).when().get(V2 + "/networks/" + net).then().statusCode(200)
                .body("network", hasKey("provider:segmentation_id"));
        as(reader).when().get(V2 + "/networks/" + net).then().statusCode(200);
        as(reader).body(Map.of("network", Map.of("name", "x"))).when().put(V2 + "/networks/" + net).then()
                .statusCode(403).body("NeutronError.type", equalTo("PolicyNotAuthorized"));
        Neutron.post(reader, "networks", "network", Map.of("name", "r")).statusCode(403);
        as(other).when().get(V2 + "/networks/" + net).then().statusCode(404)
                .body("NeutronError.type", equalTo("NetworkNotFound"));
        as(other).when().delete(V2 + "/networks/" + net).then().statusCode(404);
        as(other).when().get(V2 + "/networks").then().statusCode(200).body("networks.id", not(hasItem(net)));
        as(admin).when().get(V2 + "/networks").then().statusCode(200).body("networks.id", hasItem(net));
        String subnet = Neutron.subnet(member, net, "198.18.60.0/24");
        as(other).when().get(V2 + "/subnets/" + subnet).then().statusCode(404);
        Neutron.port(other, Map.of("network_id", net)).statusCode(404).body("NeutronError.type",
                equalTo("NetworkNotFound"));
        String port = Neutron.port(member, Map.of("network_id", net)).statusCode(201)
                .body("port", not(hasKey("binding:host_id"))).extract().path("port.id");
        as(other).when().get(V2 + "/ports/" + port).then().statusCode(404);
        as(other).when().get(V2 + "/ports").then().body("ports.id", not(hasItem(port)));
        as(member).body(Map.of("port", Map.of("binding:host_id", "h1"))).when().put(V2 + "/ports/" + port).then()
                .statusCode(403);
        Neutron.post(member, "networks", "network", Map.of("name", "for-b", "project_id", otherProject))
                .statusCode(403);
        Neutron.post(admin, "networks", "network", Map.of("name", "for-b", "project_id", otherProject))
                .statusCode(201).body("network.project_id", equalTo(otherProject));
    }

    @Test
    void sharedNetworksAreAdminMadeAndVisibleToAll() {
        Neutron.post(member, "networks", "network", Map.of("name", "s", "shared", true)).statusCode(403)
                .body("NeutronError.type", equalTo("PolicyNotAuthorized"));
        String shared = Neutron.post(admin, "networks", "network", Map.of("name", "s", "shared", true))
                .statusCode(201).extract().path("network.id");
        Neutron.subnet(admin, shared, "198.18.61.0/24");
        as(other).when().get(V2 + "/networks?shared=True").then().body("networks.id", hasItem(shared));
        String port = Neutron.port(other, Map.of("network_id", shared)).statusCode(201).extract().path("port.id");
        Neutron.port(other, Map.of("network_id", shared, "fixed_ips", List.of(Map.of("ip_address", "198.18.61.9"))))
                .statusCode(403);
        as(other).when().delete(V2 + "/networks/" + shared).then().statusCode(403);
        as(other).when().get(V2 + "/security-groups").then().statusCode(200)
                .body("security_groups.name", equalTo(List.of("default")));
        // a shared network is every project's: left behind, it would be the network of every later test's
        // project that names none (NoNetworkVisibleIT)
        as(other).when().delete(V2 + "/ports/" + port).then().statusCode(204);
        as(admin).when().delete(V2 + "/networks/" + shared).then().statusCode(204);
    }
}
