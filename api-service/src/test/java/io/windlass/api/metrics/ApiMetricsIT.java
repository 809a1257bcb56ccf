package io.windlass.api.metrics;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.windlass.metrics.ScrapedMetrics;
import io.windlass.testing.Keystone;
import io.windlass.testing.RealTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The api-service's RED, RPC and quota series as a scrape of {@code /q/metrics} shows them after
 * real requests: creates accepted and one refused over quota (RealTokens: 5 containers per project),
 * a read of one container by its uuid, and the build casts the outbox relays to the conductor.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class ApiMetricsIT {
    private static final String REQUESTS = "http_server_requests_seconds_count";
    private static final String CREATES = "/container/v1/containers";
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Test
    void requestsAreCountedByTemplatedRouteFamilyAndStatusAndTheirCastsByTopicAndMethod() throws Exception {
        String admin = Keystone.adminToken();
        String name = Keystone.unique("metrics");
        String projectId = Keystone.createProject(admin, name);
        Keystone.createUser(admin, name, "pw", projectId, "member");
        String token = Keystone.token(name, "pw", name);
        ScrapedMetrics before = scrape();

        String uuid = null;
        for (int i = 0; i < 6; i++) {
            var response = given().header("X-Auth-Token", token).contentType("application/json")
                    .body("{\"image\": \"busybox\", \"memory\": \"64\", \"cpu\": \"0.1\"}").when().post(CREATES);
            assertEquals(i < 5 ? 202 : 403, response.statusCode());
            if (i == 0) {
                uuid = response.path("uuid");
            }
        }
        given().header("X-Auth-Token", token).when().get(CREATES + "/" + uuid).then().statusCode(200);

        ScrapedMetrics after = awaitCasts(before, 5);
        assertEquals(5.0, after.increaseSince(before, REQUESTS, "family", "container", "method", "POST", "uri", CREATES,
                "status", "202", "outcome", "SUCCESS"));
        assertEquals(1.0, after.increaseSince(before, REQUESTS, "family", "container", "method", "POST", "uri", CREATES,
                "status", "403", "outcome", "CLIENT_ERROR"));
        assertEquals(1.0, after.increaseSince(before, REQUESTS, "family", "container", "method", "GET",
                "uri", CREATES + "/{ident}", "status", "200"));
        // the histogram: every request of the route is under the top bucket, at most all under the lowest
        double underTop = after.increaseSince(before, "http_server_requests_seconds_bucket", "uri", CREATES,
                "status", "202", "le", "10.0");
        assertEquals(5.0, underTop);
        assertTrue(after.increaseSince(before, "http_server_requests_seconds_bucket", "uri", CREATES, "status", "202",
                "le", "0.005") <= underTop);
        assertNoRawPaths(after);

        assertEquals(1.0, after.increaseSince(before, "windlass_quota_refused_total", "resource", "containers"));
        assertEquals(5.0, after.increaseSince(before, "windlass_rpc_client_confirmed_total", "topic", "conductor",
                "method", "build_container"));
        assertEquals(0.0, after.increaseSince(before, "windlass_rpc_client_send_failures_total", "topic", "conductor"));
        // the api-service consumes no queue: no depth to watch
        assertFalse(after.samples("windlass_rpc_queue_depth").stream().findAny().isPresent());
    }

    @Test
    void requestsAnsweredBeforeAnyRouteCarryNoRawPath() {
        String uuid = java.util.UUID.randomUUID().toString();
        ScrapedMetrics before = scrape();
        // answered by the HTTP layer's own checks (RequestHeadLimits), by a pre-matching filter
        // (MicroversionFilter), by no method and by no route at all; then two refused tokens
        given().header("X-Padding", "p".repeat(30_000)).when().get(CREATES + "/" + uuid).then().statusCode(431);
        given().header("OpenStack-API-Version", "container 9.99").when().get(CREATES + "/" + uuid).then()
                .statusCode(406);
        given().when().patch(CREATES + "/" + uuid + "/start").then().statusCode(405);
        given().when().get("/nowhere/" + uuid).then().statusCode(404);
        given().when().get(CREATES + "/" + uuid).then().statusCode(401);
        given().header("X-Auth-Token", "bogus").when().get("/compute/v2.1/servers/" + uuid + "/ips").then()
                .statusCode(401);

        ScrapedMetrics after = scrape();
        // the refusals before any route took the request are their family's UNROUTED; the tokens' were routed
        assertEquals(3.0, after.increaseSince(before, REQUESTS, "uri", "/container/UNROUTED", "family", "container"));
        assertEquals(1.0, after.increaseSince(before, REQUESTS, "uri", "/container/UNROUTED", "status", "431"));
        assertEquals(1.0, after.increaseSince(before, REQUESTS, "uri", "/container/UNROUTED", "status", "406"));
        assertEquals(1.0, after.increaseSince(before, REQUESTS, "uri", "/UNROUTED", "status", "404", "family",
                "other"));
        assertEquals(1.0, after.increaseSince(before, REQUESTS, "uri", CREATES + "/{ident}", "status", "401",
                "family", "container"));
        assertEquals(1.0, after.increaseSince(before, REQUESTS, "uri", "/compute/v2.1/servers/{id}/ips",
                "status", "401", "family", "compute"));
        assertNoRawPaths(after);
    }

    private static void assertNoRawPaths(ScrapedMetrics scrape) {
        List<String> rawPaths = scrape.samples(REQUESTS).stream().map(s -> s.labels().get("uri"))
                .filter(uri -> uri != null && UUID.matcher(uri).find()).toList();
        assertTrue(rawPaths.isEmpty(), "uri tags carry uuids: " + rawPaths);
    }

    /** The outbox relays after commit, a moment after the 202s. */
    private static ScrapedMetrics awaitCasts(ScrapedMetrics before, int casts) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        ScrapedMetrics now = scrape();
        while (now.increaseSince(before, "windlass_rpc_client_sent_total", "topic", "conductor",
                "method", "build_container", "mode", "cast") < casts && System.nanoTime() < deadline) {
            Thread.sleep(100);
            now = scrape();
        }
        assertEquals(casts, now.increaseSince(before, "windlass_rpc_client_sent_total", "topic", "conductor",
                "method", "build_container", "mode", "cast"));
        return now;
    }

    private static ScrapedMetrics scrape() {
        return ScrapedMetrics.parse(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
    }
}
