package io.windlass.compute.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

/**
 * Nova's {@code /v2.1/extensions}: the v2 extension entries of what Windlass serves, in Nova's form,
 * and a 404 for one it does not (Tempest's {@code requires_ext} reads the aliases).
 */
@QuarkusTest
class ComputeExtensionsIT {

    @Test
    void theListNamesWhatIsServedInNovasForm() {
        given().get("/compute/v2.1/extensions").then().statusCode(200)
                .body("extensions.alias", hasItems("os-keypairs", "os-shelve", "os-rescue", "os-server-groups",
                        "os-server-external-events", "OS-EXT-SRV-ATTR", "os-hosts", "os-server-diagnostics",
                        "os-instance_usage_audit_log"))
                .body("extensions.alias", not(hasItem("os-floating-ips")))
                .body("extensions.namespace", everyItem(equalTo("http://docs.openstack.org/compute/ext/fake_xml")))
                .body("extensions.updated", everyItem(equalTo("2014-12-03T00:00:00Z")))
                .body("extensions.links", everyItem(empty()));
    }

    @Test
    void oneIsShownByItsAliasAndAnUnlistedOneIs404() {
        given().get("/compute/v2.1/extensions/os-keypairs").then().statusCode(200)
                .body("extension.alias", equalTo("os-keypairs"))
                .body("extension.name", equalTo("Keypairs"))
                .body("extension.description", equalTo("Keypair Support."));
        // every Nova lists it though its API is gone
        given().get("/compute/v2.1/extensions/os-consoles").then().statusCode(200)
                .body("extension.name", equalTo("Consoles"));
        given().get("/compute/v2.1/extensions/os-floating-ips").then().statusCode(404)
                .body("itemNotFound.code", equalTo(404));
    }
}
