package io.windlass.dashboard;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web console as this api-service serves it from its jar: the bundle the Maven build made, under a
 * policy that keeps it to its own origin. The console in a browser against the whole system is
 * {@code DashboardST} (system-tests).
 */
@QuarkusTest
class DashboardIT {

    @Test
    void theConsoleIsServedFromTheJarWithAPolicyThatKeepsItToItsOrigin() {
        given().redirects().follow(false).when().get("/dashboard").then().statusCode(301)
                .header("Location", "/dashboard/");
        String page = given().when().get("/dashboard/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("connect-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Cache-Control", "no-cache")
                .extract().asString();
        String script = page.replaceAll("(?s).*<script type=\"module\" crossorigin src=\"([^\"]+)\".*", "$1");
        assertTrue(script.startsWith("/dashboard/assets/"), page);
        // no font, script or style from elsewhere
        assertFalse(page.contains("http://") || page.contains("https://"), page);
        given().when().get(script).then().statusCode(200)
                .header("Cache-Control", containsString("immutable"))
                .body(containsString("X-Auth-Token"));
    }
}
