package io.windlass.system;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;

/**
 * The Zun containers API of a running system, as a client sees it, acting as the user whose
 * token it sends. Remembers every container it (or a client derived with {@link #as}) created
 * so that the harness can remove their engine containers whatever the test did.
 */
public final class ContainersApi {
    /** The newest microversion; every request asks for it so that PATCH rename/update is available. */
    public static final String API_VERSION = "container 1.40";

    /** A hung service fails the test at the request instead of blocking it until surefire gives up. */
    private static final RestAssuredConfig TIMEOUTS = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 5_000)
            .setParam("http.socket.timeout", 30_000));

    private final String baseUri;
    private final Supplier<String> token;
    private final Set<String> created;

    /** {@code token} is asked on every request, so the harness can hand it over once the API is up. */
    public ContainersApi(String baseUri, Supplier<String> token) {
        this(baseUri, token, ConcurrentHashMap.newKeySet());
    }

    private ContainersApi(String baseUri, Supplier<String> token, Set<String> created) {
        this.baseUri = baseUri;
        this.token = token;
        this.created = created;
    }

    /** The same API acting as another user; what it creates is cleaned up with the rest. */
    public ContainersApi as(String otherToken) {
        return new ContainersApi(baseUri, () -> otherToken, created);
    }

    /** Name the agent gives the engine container of a Windlass container. */
    public static String engineName(String uuid) {
        return "windlass-" + uuid;
    }

    public String baseUri() {
        return baseUri;
    }

    public RequestSpecification request() {
        return given().config(TIMEOUTS).baseUri(baseUri)
                .header("X-Auth-Token", token.get())
                .header("OpenStack-API-Version", API_VERSION)
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    /** {@code POST /containers?run=<run>}; the response is returned whatever its status. */
    public Response create(Map<String, ?> body, boolean run) {
        Response response = request().queryParam("run", run).body(body).post("/containers");
        if (response.statusCode() == 202) {
            created.add(response.jsonPath().getString("uuid"));
        }
        return response;
    }

    public Response show(String ident) {
        return request().get("/containers/{ident}", ident);
    }

    /** The container as JSON, or empty once the API no longer knows it (404). */
    public Optional<Map<String, Object>> find(String ident) {
        Response response = show(ident);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /containers/" + ident + " answered " + response.statusCode() + ": "
                    + response.asString());
        }
        return Optional.of(response.jsonPath().getMap(""));
    }

    public List<Map<String, Object>> list() {
        return request().get("/containers").then().statusCode(200).extract().jsonPath().getList("containers");
    }

    /** {@code POST /containers/<ident>/<action>} (start, stop, pause, unpause, reboot, ...). */
    public Response action(String ident, String action) {
        return request().post("/containers/{ident}/{action}", ident, action);
    }

    public Response patch(String ident, Map<String, ?> body) {
        return request().body(body).patch("/containers/{ident}", ident);
    }

    public Response delete(String ident) {
        return request().delete("/containers/{ident}", ident);
    }

    public Response stats(String ident) {
        return request().get("/containers/{ident}/stats", ident);
    }

    /**
     * Waits until the container has {@code status} and no operation in flight (task_state
     * cleared), which is when the next action is accepted.
     */
    public Map<String, Object> awaitStatus(String ident, String status, Poller poller) {
        return poller.until("container " + ident + " to be " + status + " with no task in progress",
                        () -> find(ident).orElse(Map.of()),
                        c -> status.equals(c.get("status")) && c.get("task_state") == null);
    }

    public Map<String, Object> awaitStatus(String ident, String status) {
        return awaitStatus(ident, status, Poller.standard());
    }

    /** Waits until {@code GET} answers 404. */
    public void awaitGone(String ident) {
        Poller.standard().until("container " + ident + " to disappear", () -> find(ident),
                Optional::isEmpty);
    }

    /** UUIDs of every container this client created in the run. */
    public Set<String> created() {
        return Set.copyOf(created);
    }

    public static String uuidOf(Response createResponse) {
        return Objects.requireNonNull(createResponse.jsonPath().getString("uuid"), "create response has no uuid");
    }
}
