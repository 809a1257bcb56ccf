package io.windlass.network.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.windlass.networking.Neutron;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

/** Nova's os-networks proxy over the Networking API's networks, as the default (admin) context sees it. */
@QuarkusTest
class ComputeNetworksIT {

    @Test
    void listsAndShowsNetworksByIdAndLabelUpTo235() {
        String name = "proxied-" + UUID.randomUUID().toString().substring(0, 8);
        String id = Neutron.post(null, "networks", "network", Map.of("name", name)).statusCode(201)
                .extract().path("network.id");

        compute("2.1").get("/compute/v2.1/os-networks").then().statusCode(200)
                .body("networks.label", hasItem(name))
                .body("networks.id", hasItem(id));
        compute("2.35").get("/compute/v2.1/os-networks/" + id).then().statusCode(200)
                .body("network.id", equalTo(id))
                .body("network.label", equalTo(name))
                .body("network.cidr", nullValue())
                // an admin gets the nova-network fields too, all of them null
                .body("network", hasKey("bridge"))
                .body("network.mtu", nullValue());

        compute("2.1").get("/compute/v2.1/os-networks/" + UUID.randomUUID()).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Network not found"));
        compute("2.1").get("/compute/v2.1/os-networks/not-a-uuid").then().statusCode(404)
                .body("itemNotFound.message", equalTo("Network not found"));
        compute("2.36").get("/compute/v2.1/os-networks").then().statusCode(404)
                .body("itemNotFound.code", equalTo(404));
        compute("2.36").get("/compute/v2.1/os-networks/" + id).then().statusCode(404);

        // os-tenant-networks: Nova's network_dict over Neutron, cidr the string "None"
        compute("2.1").get("/compute/v2.1/os-tenant-networks").then().statusCode(200)
                .body("networks.id", hasItem(id));
        compute("2.35").get("/compute/v2.1/os-tenant-networks/" + id).then().statusCode(200)
                .body("network", equalTo(Map.of("id", id, "cidr", "None", "label", name)));
        compute("2.1").get("/compute/v2.1/os-tenant-networks/" + UUID.randomUUID()).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Network not found"));
        compute("2.36").get("/compute/v2.1/os-tenant-networks").then().statusCode(404);
    }

    private static RequestSpecification compute(String version) {
        return given().header("OpenStack-API-Version", "compute " + version);
    }
}
