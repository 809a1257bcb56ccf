package io.windlass.network.api;

import io.quarkus.test.junit.QuarkusTest;
import io.windlass.networking.Neutron;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.windlass.networking.Neutron.V2;
import static io.windlass.networking.Neutron.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Networks as the default (admin) context sees them: shapes, filters, paging, fields, errors in Neutron's body. */
@QuarkusTest
class NetworksIT {

    @Test
    void versionDocumentsAndExtensions() {
        given().when().get("/network").then().statusCode(200)
                .body("versions[0].id", equalTo("v2.0"))
                .body("versions[0].links[0].href", endsWith("/network/v2.0/"));
        given().when().get(V2 + "/").then().statusCode(200)
                .body("resources.collection", hasItem("networks"));
        as(null).when().get(V2 + "/extensions").then().statusCode(200)
                .body("extensions.alias", hasItem("security-group"))
                .body("extensions.alias", hasItem("binding"))
                .body("extensions.alias", not(hasItem("tag-ports-during-bulk-creation")));
        as(null).when().get(V2 + "/extensions/router").then().statusCode(200).body("extension.alias", equalTo("router"));
        as(null).when().get(V2 + "/extensions/tag-ports-during-bulk-creation").then().statusCode(404)
                .body("NeutronError.type", notNullValue()).body("NeutronError.detail", equalTo(""));
    }

    /** Neutron's bulk create, as Tempest's test_bulk_create_delete_* send it: all made, or none. */
    @Test
    void bulkCreateMakesAllOrNone() {
        List<String> ids = as(null).contentType("application/json").body(Map.of("networks", List.of(
                        Map.of("name", "bulk-1"), Map.of("name", "bulk-2"))))
                .when().post(V2 + "/networks").then().statusCode(201)
                .body("networks.name", contains("bulk-1", "bulk-2")).extract().path("networks.id");
        as(null).contentType("application/json").body(Map.of("subnets", List.of(
                        Map.of("network_id", ids.get(0), "cidr", "198.19.200.0/24", "ip_version", 4),
                        Map.of("network_id", ids.get(1), "cidr", "198.19.201.0/24", "ip_version", 4))))
                .when().post(V2 + "/subnets").then().statusCode(201).body("subnets", hasSize(2));
        // a bad second item: the first is not made either
        as(null).contentType("application/json").body(Map.of("networks", List.of(
                        Map.of("name", "bulk-3"), Map.of("name", "bulk-4", "bogus", 1))))
                .when().post(V2 + "/networks").then().statusCode(400);
        as(null).contentType("application/json").body(Map.of("ports", List.of(
                        Map.of("network_id", ids.get(0)), Map.of("network_id", "00000000-0000-0000-0000-000000000000"))))
                .when().post(V2 + "/ports").then().statusCode(404);
        as(null).when().get(V2 + "/networks?name=bulk-3").then().statusCode(200).body("networks", empty());
        as(null).queryParam("network_id", ids.get(0)).when().get(V2 + "/ports").then().body("ports", empty());
        as(null).contentType("application/json").body(Map.of("networks", List.of()))
                .when().post(V2 + "/networks").then().statusCode(400);
    }

    @Test
    void createShowUpdateDelete() {
        Map<String, Object> network = Neutron.post(null, "networks", "network",
                        Map.of("name", "n1", "admin_state_up", true, "description", "d"))
                .statusCode(201)
                .body("network.status", equalTo("ACTIVE"))
                .body("network.mtu", equalTo(1450))
                .body("network.shared", equalTo(false))
                .body("network.'router:external'", equalTo(false))
                .body("network.subnets", empty())
                .body("network.tags", empty())
                .body("network.revision_number", equalTo(1))
                .body("network.'provider:network_type'", equalTo("vxlan"))
                .body("network.'provider:segmentation_id'", notNullValue())
                .extract().path("network");
        String id = (String) network.get("id");
        as(null).when().get(V2 + "/networks/" + id).then().statusCode(200).body("network.name", equalTo("n1"))
                .body("network.created_at", org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        as(null).body(Map.of("network", Map.of("name", "n2", "admin_state_up", false))).when()
                .put(V2 + "/networks/" + id).then().statusCode(200)
                .body("network.name", equalTo("n2")).body("network.admin_state_up", equalTo(false))
                .body("network.revision_number", equalTo(2));
        as(null).when().get(V2 + "/networks/" + id + "?fields=id&fields=name").then().statusCode(200)
                .body("network.keySet()", contains("id", "name"));
        as(null).when().delete(V2 + "/networks/" + id).then().statusCode(204);
        as(null).when().get(V2 + "/networks/" + id).then().statusCode(404)
                .body("NeutronError.type", equalTo("NetworkNotFound"))
                .body("NeutronError.message", equalTo("Network " + id + " could not be found."))
                .header("x-openstack-request-id", notNullValue());
    }

    @Test
    void listFiltersAndPages() {
        String a = Neutron.network(null, "page-a");
        String b = Neutron.network(null, "page-b");
        String c = Neutron.network(null, "page-c");
        as(null).when().get(V2 + "/networks?id=" + a + "&id=" + c).then().statusCode(200)
                .body("networks.id", hasSize(2)).body("networks.id", hasItem(a)).body("networks.id", hasItem(c));
        as(null).when().get(V2 + "/networks?name=page-b&shared=False").then().statusCode(200)
                .body("networks.id", contains(b));
        as(null).when().get(V2 + "/networks?name=page-b&shared=True").then().statusCode(200)
                .body("networks", empty());
        as(null).when().get(V2 + "/networks?shared=maybe").then().statusCode(400)
                .body("NeutronError.type", equalTo("HTTPBadRequest"));
        List<String> all = as(null).when().get(V2 + "/networks?fields=id&sort_key=name&sort_dir=asc").then()
                .statusCode(200).body("networks[0].keySet()", contains("id")).extract().path("networks.id");
        String second = as(null).when().get(V2 + "/networks?limit=1").then().statusCode(200)
                .body("networks", hasSize(1)).body("networks_links[0].rel", equalTo("next"))
                .body("networks_links[0].href", containsString("marker=" + all.getFirst()))
                .extract().path("networks[0].id");
        as(null).when().get(V2 + "/networks?limit=1&marker=" + second).then().statusCode(200)
                .body("networks[0].id", equalTo(all.get(1)));
        as(null).when().get(V2 + "/networks?limit=x").then().statusCode(400);
    }

    @Test
    void badInputIsNeutronsFourHundred() {
        Neutron.post(null, "networks", "network", Map.of("name", "x", "bogus", 1)).statusCode(400)
                .body("NeutronError.type", equalTo("HTTPBadRequest"))
                .body("NeutronError.message", equalTo("Unrecognized attribute(s) 'bogus'"));
        Neutron.post(null, "networks", "network", Map.of("admin_state_up", "perhaps")).statusCode(400)
                .body("NeutronError.message", containsString("Invalid input for admin_state_up. Reason: "));
        as(null).body("{\"network\": ").when().post(V2 + "/networks").then().statusCode(400)
                .body("NeutronError.type", equalTo("HTTPBadRequest"));
        as(null).body("{\"netwerk\": {}}").when().post(V2 + "/networks").then().statusCode(400)
                .body("NeutronError.message", equalTo("Unable to find 'network' in request body"));
        as(null).when().get(V2 + "/nothing-here").then().statusCode(404).body("$", hasKey("NeutronError"));
        Neutron.post(null, "networks", "network", Map.of("mtu", 9000)).statusCode(400)
                .body("NeutronError.type", equalTo("InvalidInput"));
        Neutron.post(null, "networks", "network", Map.of("mtu", 99999999999L)).statusCode(400);
        Neutron.post(null, "networks", "network", Map.of("mtu", "99999999999999999999")).statusCode(400);
        as(null).when().get(V2 + "/networks/not-a-uuid").then().statusCode(404)
                .body("NeutronError.type", equalTo("NetworkNotFound"));
        as(null).when().get(V2 + "/networks?id=not-a-uuid&mtu=x&marker=y").then().statusCode(200);
    }

    @Test
    void networkInUseUntilItsPortsGo() {
        String net = Neutron.network(null, "busy");
        Neutron.subnet(null, net, "198.18.77.0/24");
        String port = Neutron.port(null, Map.of("network_id", net)).statusCode(201).extract().path("port.id");
        as(null).when().delete(V2 + "/networks/" + net).then().statusCode(409)
                .body("NeutronError.type", equalTo("NetworkInUse"))
                .body("NeutronError.message", equalTo("Unable to complete operation on network " + net
                        + ". There are one or more ports still in use on the network."));
        as(null).when().delete(V2 + "/ports/" + port).then().statusCode(204);
        as(null).when().delete(V2 + "/networks/" + net).then().statusCode(204);
    }

    @Test
    void quotasAreShownAndEnforced() {
        String project = as(null).when().get(V2 + "/networks/" + Neutron.network(null, "q")).then().extract()
                .path("network.project_id");
        as(null).when().get(V2 + "/quotas/" + project).then().statusCode(200)
                .body("quota.network", equalTo(100)).body("quota.port", equalTo(500))
                .body("quota.security_group", equalTo(10));
        as(null).when().get(V2 + "/quotas/" + project + "/details").then().statusCode(200)
                .body("quota.router.limit", equalTo(10));
        List<String> made = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String id = Neutron.post(null, "routers", "router", Map.of("name", "quota-" + i)).extract().path("router.id");
            if (id != null) {
                made.add(id);
            }
        }
        Neutron.post(null, "routers", "router", Map.of("name", "one-too-many")).statusCode(409)
                .body("NeutronError.type", equalTo("OverQuota"))
                .body("NeutronError.message", equalTo("Quota exceeded for resources: ['router']."));
        as(null).when().get(V2 + "/routers?name=one-too-many").then().body("routers", empty());
        // the routers quota is shared with the other classes' routers: give it back
        made.forEach(id -> as(null).when().delete(V2 + "/routers/" + id).then().statusCode(204));
    }
}
