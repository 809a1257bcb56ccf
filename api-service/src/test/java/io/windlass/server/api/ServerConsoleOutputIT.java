package io.windlass.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.rpc.RpcReply;
import io.windlass.server.VmState;
import io.windlass.testing.RpcQueueProbe;
import io.windlass.testing.ServerRows;
import io.windlass.workload.WorkloadLog;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nova's {@code os-getConsoleOutput}, with the server's host stood in for at the RPC edge: what the
 * api-service asks of the host, and the console it answers, cut and cleaned as Nova does.
 */
@QuarkusTest
class ServerConsoleOutputIT {
    private static final String HOST = "console-host";
    /** What a guest printed: a carriage return Nova takes out, and a final newline. */
    private static final String CONSOLE = "boot\nup\r\nready\nlogin:\n";

    @Inject
    ServerRows rows;
    @Inject
    ObjectMapper json;

    private static Response consoleOutput(UUID server, Object body) {
        return given().contentType("application/json").body(Map.of("os-getConsoleOutput", body))
                .post("/compute/v2.1/servers/" + server + "/action");
    }

    /** Sends the action, answers the host's call with {@code answer}, and gives the call's arguments. */
    private JsonNode served(UUID server, Object body, RpcReply answer, Response[] out) throws Exception {
        try (RpcQueueProbe host = RpcQueueProbe.on("compute." + HOST, json)) {
            CompletableFuture<Response> response = CompletableFuture.supplyAsync(() -> consoleOutput(server, body));
            RpcQueueProbe.Received call = host.next(Duration.ofSeconds(5));
            assertEquals(ComputeRpcApi.WORKLOAD_LOGS.name(), call.envelope().method());
            host.reply(call, answer);
            out[0] = response.get();
            return call.envelope().args();
        }
    }

    private RpcReply console() {
        return new RpcReply(json.valueToTree(new WorkloadLog(CONSOLE, false)), null);
    }

    @Test
    void theWholeConsoleIsBothStreamsReadOnTheHost() throws Exception {
        UUID id = rows.insert("default", HOST, VmState.ACTIVE);
        Response[] response = new Response[1];
        JsonNode args = served(id, Map.of(), console(), response);
        response[0].then().statusCode(200).body("output", equalTo("boot\nup\nready\nlogin:\n"));
        assertEquals("server", args.get("kind").asText());
        assertEquals(id.toString(), args.get("uuid").asText());
        assertTrue(args.get("stdout").asBoolean() && args.get("stderr").asBoolean(), args.toString());
        assertTrue(args.get("tail").isNull() && args.get("since").isNull(), args.toString());
    }

    @Test
    void lengthIsTheLastPiecesAsTempestCountsThem() throws Exception {
        // Tempest's SHUTOFF case: a stopped server's console is still there
        UUID id = rows.insert("default", HOST, VmState.STOPPED);
        Response[] response = new Response[1];
        JsonNode args = served(id, Map.of("length", 3), console(), response);
        String output = response[0].then().statusCode(200).extract().path("output");
        assertEquals("ready\nlogin:\n", output);
        assertEquals(3, output.split("\n", -1).length);
        assertEquals(3, args.get("tail").asInt());

        args = served(id, Map.of("length", "2"), console(), response);
        response[0].then().statusCode(200).body("output", equalTo("login:\n"));
        assertEquals(2, args.get("tail").asInt());
    }

    @Test
    void aBadLengthIs400NamingIt() {
        UUID id = rows.insert("default", HOST, VmState.ACTIVE);
        consoleOutput(id, Map.of("length", -2)).then().statusCode(400).body("badRequest.message",
                equalTo("Invalid input for field/attribute os-getConsoleOutput/length. Value: -2. -2 is less than "
                        + "the minimum of -1"));
        consoleOutput(id, Map.of("length", "NaN")).then().statusCode(400).body("badRequest.message",
                equalTo("Invalid input for field/attribute os-getConsoleOutput/length. Value: NaN. 'NaN' does not "
                        + "match '^-?[0-9]+$'"));
    }

    @Test
    void anUnknownServerIs404() {
        UUID id = UUID.randomUUID();
        consoleOutput(id, Map.of()).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Instance " + id + " could not be found."));
    }

    @Test
    void aServerWithoutAHostIsNotReady() {
        UUID id = rows.insert("default", null, VmState.BUILDING);
        consoleOutput(id, Map.of()).then().statusCode(409)
                .body("conflictingRequest.message", equalTo("Instance " + id + " is not ready"));
    }

    @Test
    void aServerItsHostHasNoContainerForHasNoConsole() throws Exception {
        UUID id = rows.insert("default", HOST, VmState.ERROR);
        Response[] response = new Response[1];
        served(id, Map.of(), new RpcReply(null, new RpcReply.RemoteError("WorkloadNotFound",
                "Server " + id + " does not exist in the engine")), response);
        response[0].then().statusCode(404)
                .body("itemNotFound.message", equalTo("Guest does not have a console available."));
    }
}
