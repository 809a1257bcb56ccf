package io.windlass.networking;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** Drives the Networking API as a client would, as the test's default (admin) context or with a token. */
public final class Neutron {
    public static final String V2 = "/network/v2.0";

    private Neutron() {
    }

    public static RequestSpecification as(String token) {
        RequestSpecification request = given().contentType("application/json");
        return token == null ? request : request.header("X-Auth-Token", token);
    }

    public static ValidatableResponse post(String token, String collection, String member, Map<String, Object> body) {
        return as(token).body(Map.of(member, body)).when().post(V2 + "/" + collection).then();
    }

    public static String network(String token, String name) {
        return post(token, "networks", "network", Map.of("name", name)).statusCode(201).extract().path("network.id");
    }

    public static String subnet(String token, String networkId, String cidr) {
        return subnet(token, networkId, cidr, 4);
    }

    public static String subnet(String token, String networkId, String cidr, int version) {
        return post(token, "subnets", "subnet", Map.of("network_id", networkId, "cidr", cidr, "ip_version", version))
                .statusCode(201).extract().path("subnet.id");
    }

    public static ValidatableResponse port(String token, Map<String, Object> body) {
        return post(token, "ports", "port", body);
    }
}
