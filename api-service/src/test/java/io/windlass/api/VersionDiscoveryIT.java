package io.windlass.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

@QuarkusTest
class VersionDiscoveryIT {
    private static final String REQUEST_ID = "req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void rootListsV1AsCurrentWithItsRange() {
        for (String path : new String[] {"/container", "/container/"}) {
            given().header("Host", "cloud.test:8774")
                    .when().get(path)
                    .then().statusCode(200)
                    .header("X-OpenStack-Request-Id", matchesPattern(REQUEST_ID))
                    .body("name", equalTo("OpenStack Zun API"))
                    .body("versions", hasSize(1))
                    .body("versions[0].id", equalTo("v1"))
                    .body("versions[0].status", equalTo("CURRENT"))
                    .body("versions[0].min_version", equalTo("1.1"))
                    .body("versions[0].max_version", equalTo("1.40"))
                    .body("versions[0].links[0].href", equalTo("http://cloud.test:8774/container/v1/"))
                    .body("versions[0].links[0].rel", equalTo("self"))
                    .body("default_version.id", equalTo("v1"))
                    .body("default_version.max_version", equalTo("1.40"));
        }
    }

    @Test
    void forwardedHeadersAreNotTrustedUnlessConfigured() {
        given().header("Host", "cloud.test:8774").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "attacker.example.org")
                .when().get("/container")
                .then().statusCode(200)
                .body("default_version.links[0].href", equalTo("http://cloud.test:8774/container/v1/"));
    }

    @Test
    void v1DocumentListsResourcesWithSelfAndBookmarkLinks() {
        for (String path : new String[] {"/container/v1", "/container/v1/"}) {
            given().header("Host", "cloud.test:8774")
                    .when().get(path)
                    .then().statusCode(200)
                    .body("id", equalTo("v1"))
                    .body("media_types[0].type", equalTo("application/vnd.openstack.zun.v1+json"))
                    .body("links[0].href", equalTo("http://cloud.test:8774/container/v1/"))
                    .body("links[1].rel", equalTo("describedby"))
                    .body("containers[0].href", equalTo("http://cloud.test:8774/container/v1/containers/"))
                    .body("containers[0].rel", equalTo("self"))
                    .body("containers[1].href", equalTo("http://cloud.test:8774/container/containers/"))
                    .body("containers[1].rel", equalTo("bookmark"))
                    .header("OpenStack-API-Version", equalTo("container 1.1"));
        }
    }
}
