package io.windlass.system;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Nova's servers API of a running system, as a client acting with the given token sees it. */
public final class ServersApi {
    private final String apiUrl;
    private final Supplier<String> token;
    private final String version;

    /** @param version the microversion header value, e.g. {@code compute 2.79} */
    public ServersApi(Supplier<String> token, String version) {
        this(WindlassSystem.apiUrl(), token, version);
    }

    /** @param apiUrl the API's root, e.g. a load balancer's in front of several api replicas */
    public ServersApi(String apiUrl, Supplier<String> token, String version) {
        this.apiUrl = apiUrl;
        this.token = token;
        this.version = version;
    }

    /** A request under {@code /compute/v2.1}. */
    public RequestSpecification request() {
        return given().baseUri(apiUrl + "/compute/v2.1")
                .header("X-Auth-Token", token.get())
                .header("OpenStack-API-Version", version)
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** The catalogue id of a local image, e.g. {@code busybox:latest}. */
    public String imageId(String name) {
        Response images = given().baseUri(apiUrl).header("X-Auth-Token", token.get())
                .queryParam("name", name).get("/image/v2/images");
        assertEquals(200, images.statusCode(), images.asString());
        return images.jsonPath().getString("images[0].id");
    }

    /** The server once it shows {@code status} with no task in progress; fails at once if it goes to ERROR instead. */
    public Map<String, Object> awaitStatus(String id, String status) {
        return new Poller(Duration.ofSeconds(60), Duration.ofMillis(200)).until("server " + id + " " + status, () -> {
            Map<String, Object> server = request().get("/servers/" + id).jsonPath().getMap("server");
            if (server != null && "ERROR".equals(server.get("status")) && !"ERROR".equals(status)) {
                throw new AssertionError("server " + id + " went to ERROR: " + server.get("fault"));
            }
            return server;
        }, server -> server != null && status.equals(server.get("status")) && server.get("OS-EXT-STS:task_state") == null);
    }
}
