package io.windlass.container.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.container.ContainerStatus;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.rpc.RpcReply;
import io.windlass.testing.ContainerRows;
import io.windlass.testing.RpcQueueProbe;
import io.windlass.workload.WorkloadLog;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Zun's {@code GET /containers/{id}/logs}, with the container's host stood in for at the RPC edge:
 * what the api-service asks of the host, and how it answers the user.
 */
@QuarkusTest
class ContainerLogsIT {
    private static final String HOST = "logs-host";

    @Inject
    ContainerRows rows;
    @Inject
    ObjectMapper json;

    /** Sends the request, answers the host's call with {@code answer}, and gives the call's arguments. */
    private JsonNode served(Supplier<Response> request, RpcReply answer, Response[] out) throws Exception {
        try (RpcQueueProbe host = RpcQueueProbe.on("compute." + HOST, json)) {
            CompletableFuture<Response> response = CompletableFuture.supplyAsync(request);
            RpcQueueProbe.Received call = host.next(Duration.ofSeconds(5));
            assertEquals(ComputeRpcApi.WORKLOAD_LOGS.name(), call.envelope().method());
            host.reply(call, answer);
            out[0] = response.get();
            return call.envelope().args();
        }
    }

    private RpcReply log(String text) {
        return new RpcReply(json.valueToTree(new WorkloadLog(text, false)), null);
    }

    @Test
    void theLogIsOneJsonStringReadOnTheContainersHost() throws Exception {
        ContainerEntity c = rows.insert("chatty", ContainerStatus.RUNNING, HOST);
        Response[] response = new Response[1];
        JsonNode args = served(() -> given().when().get("/container/v1/containers/chatty/logs"),
                log("hello\n\"quoted\"\n"), response);
        response[0].then().statusCode(200).contentType(containsString("application/json"));
        assertEquals("\"hello\\n\\\"quoted\\\"\\n\"", response[0].asString());
        assertEquals("container", args.get("kind").asText());
        assertEquals(c.uuid.toString(), args.get("uuid").asText());
        assertTrue(args.get("stdout").asBoolean() && args.get("stderr").asBoolean(), args.toString());
        assertEquals(false, args.get("timestamps").asBoolean());
        assertTrue(args.get("tail").isNull() && args.get("since").isNull(), args.toString());
    }

    @Test
    void theParametersReachTheHostAsZunReadsThem() throws Exception {
        ContainerEntity c = rows.insert("filtered", ContainerStatus.STOPPED, HOST);
        Response[] response = new Response[1];
        JsonNode args = served(() -> given().queryParam("stdout", "False").queryParam("stderr", "yes")
                        .queryParam("timestamps", "ON").queryParam("tail", "2")
                        .queryParam("since", "2024-05-01 12:00:00,250")
                        .when().get("/container/v1/containers/" + c.uuid + "/logs"),
                log("2024-05-01T12:00:01.000000000Z oops\n"), response);
        response[0].then().statusCode(200).body(equalTo("\"2024-05-01T12:00:01.000000000Z oops\\n\""));
        assertEquals(false, args.get("stdout").asBoolean());
        assertEquals(true, args.get("stderr").asBoolean());
        assertEquals(true, args.get("timestamps").asBoolean());
        assertEquals(2, args.get("tail").asInt());
        assertEquals(1714564800L, args.get("since").asLong());

        // Zun's int(tail) else all; an integer since is Unix seconds
        args = served(() -> given().queryParam("tail", "all").queryParam("since", "1714564800")
                .when().get("/container/v1/containers/" + c.uuid + "/logs"), log(""), response);
        response[0].then().statusCode(200).body(equalTo("\"\""));
        assertTrue(args.get("tail").isNull(), args.toString());
        assertEquals(1714564800L, args.get("since").asLong());
    }

    @Test
    void badParametersAre400NamingThem() {
        ContainerEntity c = rows.insert("picky", ContainerStatus.RUNNING, HOST);
        String path = "/container/v1/containers/" + c.uuid + "/logs";
        given().queryParam("stdout", "y").when().get(path).then().statusCode(400)
                .body("errors[0].code", equalTo("container.schema-validation-error"))
                .body("errors[0].detail", startsWith("Invalid input for query parameters 'stdout'. Value: 'y'."));
        given().queryParam("since", "11x").when().get(path).then().statusCode(400)
                .body("errors[0].detail", startsWith("Invalid input for query parameters 'since'. Value: '11x'."));
        given().queryParam("since", "2000-01-01 01:01:01").when().get(path).then().statusCode(400)
                .body("errors[0].detail", containsString("'since'"));
        // passes Zun's unanchored pattern, yet is no datetime
        given().queryParam("since", "2000-13-01 01:01:01,000").when().get(path).then().statusCode(400)
                .body("errors[0].detail", startsWith("Invalid input for query parameters 'since'."));
        // follow is Windlass's own (ContainerConsolesIT), in Zun's booleans like the others
        given().queryParam("follow", "maybe").when().get(path).then().statusCode(400)
                .body("errors[0].detail", startsWith("Invalid input for query parameters 'follow'."));
        given().queryParam("lines", "5").when().get(path).then().statusCode(400)
                .body("errors[0].detail", containsString("'lines' was unexpected"));
        given().queryParam("stdout", "false").queryParam("stderr", "0").when().get(path).then().statusCode(400)
                .body("errors[0].code", equalTo("container.invalid-value"));
    }

    @Test
    void anUnknownContainerIs404() {
        given().when().get("/container/v1/containers/no-such-container/logs")
                .then().statusCode(404).body("errors[0].code", equalTo("container.container-not-found"));
    }

    @Test
    void aContainerStillBeingMadeHasNoLog() {
        ContainerEntity c = rows.insert("unborn", ContainerStatus.CREATING, null);
        given().when().get("/container/v1/containers/" + c.uuid + "/logs")
                .then().statusCode(409)
                .body("errors[0].code", equalTo("container.invalid-state-exception"))
                .body("errors[0].detail", equalTo("Cannot logs container " + c.uuid + " in Creating state."));
    }

    @Test
    void aContainerGoneFromItsEngineIs404() throws Exception {
        ContainerEntity c = rows.insert("vanished", ContainerStatus.UNKNOWN, HOST);
        Response[] response = new Response[1];
        served(() -> given().when().get("/container/v1/containers/" + c.uuid + "/logs"),
                new RpcReply(null, new RpcReply.RemoteError("WorkloadNotFound",
                        "Container " + c.uuid + " does not exist in the engine")), response);
        response[0].then().statusCode(404)
                .body("errors[0].detail", equalTo("Container " + c.uuid + " does not exist in the engine"));
    }

    @Test
    void aSilentHostIs503() throws Exception {
        ContainerEntity c = rows.insert("unheard", ContainerStatus.RUNNING, "gone-logs-host");
        try (RpcQueueProbe ignored = RpcQueueProbe.on("compute.gone-logs-host", json)) {
            given().when().get("/container/v1/containers/" + c.uuid + "/logs")
                    .then().statusCode(503)
                    .body("errors[0].code", equalTo("container.container-host-not-up"))
                    .body("errors[0].detail", equalTo("Container host gone-logs-host is not up."));
        }
    }
}
