package io.windlass.container.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.container.ContainerExecResult;
import io.windlass.container.ContainerStatus;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.testing.ContainerRows;
import io.windlass.testing.RpcQueueProbe;
import io.windlass.testing.StubbedHost;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Zun's {@code POST /containers/{id}/execute} and {@code execute_resize}, with the container's host
 * stood in for at the RPC edge: what the api-service asks of the host, and how it answers the user.
 */
@QuarkusTest
class ContainerExecIT {
    private static final String HOST = "exec-host";
    private static final String EXEC_ID = "3c851c568fc9f21bdb77b7ba98eb1c6ae0c901f56dfb1471de4d6af7c73dbf4d";

    @Inject
    ContainerRows rows;
    @Inject
    ObjectMapper json;

    private StubbedHost host() {
        return new StubbedHost(HOST, json);
    }

    private static String path(ContainerEntity c, String action) {
        return "/container/v1/containers/" + c.uuid + "/" + action;
    }

    @Test
    void aCommandRunsOnTheContainersHostAndAnswersItsOutputAsZunDoes() throws Exception {
        ContainerEntity c = rows.insert("busy-exec", ContainerStatus.RUNNING, HOST);
        StubbedHost.Served served = host().serve(ComputeRpcApi.CONTAINER_EXEC,
                () -> given().queryParam("command", "sh -c 'date; exit 3'").when()
                        .post("/container/v1/containers/busy-exec/execute"),
                host().answer(ContainerExecResult.ran("Mon Oct  9 09:09:32 UTC 2017\n", 3, false)));
        served.response().then().statusCode(200)
                .body("output", equalTo("Mon Oct  9 09:09:32 UTC 2017\n"))
                .body("exit_code", equalTo(3))
                .body("exec_id", nullValue())
                .body("url", nullValue())
                .body("proxy_url", nullValue());
        assertEquals("{\"output\":\"Mon Oct  9 09:09:32 UTC 2017\\n\",\"exit_code\":3,\"exec_id\":null,\"url\":null,"
                + "\"proxy_url\":null}", served.response().asString());
        JsonNode args = served.args();
        assertEquals(c.uuid.toString(), args.get("uuid").asText());
        assertEquals(List.of("sh", "-c", "date; exit 3"), json.convertValue(args.get("command"), List.class));
        assertEquals(true, args.get("run").asBoolean());
    }

    @Test
    void notRunTheExecInstanceIsAnswered() throws Exception {
        ContainerEntity c = rows.insert("idle", ContainerStatus.RUNNING, HOST);
        StubbedHost.Served served = host().serve(ComputeRpcApi.CONTAINER_EXEC,
                () -> given().queryParam("command", "sh").queryParam("run", "false").queryParam("interactive", "False")
                        .when().post(path(c, "execute")),
                host().answer(ContainerExecResult.created(EXEC_ID)));
        served.response().then().statusCode(200)
                .body("output", nullValue()).body("exit_code", nullValue())
                .body("exec_id", equalTo(EXEC_ID)).body("url", nullValue());
        assertEquals(false, served.args().get("run").asBoolean());
    }

    @Test
    void anExecuteIsLoggedAsZunsExecCmdAndFinished() throws Exception {
        ContainerEntity c = rows.insert("logged-exec", ContainerStatus.RUNNING, HOST);
        Response response = host().serve(ComputeRpcApi.CONTAINER_EXEC,
                () -> given().queryParam("command", "true").when().post(path(c, "execute")),
                host().answer(ContainerExecResult.ran("", 0, false))).response();
        String requestId = response.header("X-OpenStack-Request-Id");
        given().header("OpenStack-API-Version", "container 1.33").when()
                .get(path(c, "container_actions/" + requestId)).then().statusCode(200)
                .body("action", equalTo("exec_cmd"))
                .body("message", nullValue())
                .body("finish_time", notNullValue());
    }

    @Test
    void aMissingOrEmptyCommandIs400NamingIt() {
        ContainerEntity c = rows.insert("commandless", ContainerStatus.RUNNING, HOST);
        given().when().post(path(c, "execute")).then().statusCode(400)
                .body("errors[0].code", equalTo("container.schema-validation-error"))
                .body("errors[0].detail", equalTo("'command' is a required property"));
        given().queryParam("command", "").when().post(path(c, "execute")).then().statusCode(400)
                .body("errors[0].detail", equalTo("Invalid input for query parameters 'command'. Value: ''. '' is too short"));
        given().queryParam("command", "  ").when().post(path(c, "execute")).then().statusCode(400)
                .body("errors[0].detail", startsWith("Invalid input for query parameters 'command'. Value: '  '."));
        given().queryParam("command", "echo 'unclosed").when().post(path(c, "execute")).then().statusCode(400)
                .body("errors[0].detail", startsWith("Invalid input for query parameters 'command'."));
        given().queryParam("command", "ls").queryParam("run", "yes").when().post(path(c, "execute")).then()
                .statusCode(400).body("errors[0].detail", startsWith("Invalid input for query parameters 'run'."));
    }

    @Test
    void anUnknownContainerIs404AndOneNotRunning409() {
        given().queryParam("command", "ls").when().post("/container/v1/containers/no-such-container/execute")
                .then().statusCode(404).body("errors[0].code", equalTo("container.container-not-found"));
        ContainerEntity c = rows.insert("resting", ContainerStatus.STOPPED, HOST);
        given().queryParam("command", "ls").when().post(path(c, "execute")).then().statusCode(409)
                .body("errors[0].code", equalTo("container.invalid-state-exception"))
                .body("errors[0].detail", equalTo("Cannot execute container " + c.uuid + " in Stopped state."));
        given().queryParam("exec_id", EXEC_ID).queryParam("h", 24).queryParam("w", 80)
                .when().post(path(c, "execute_resize")).then().statusCode(409)
                .body("errors[0].detail", equalTo("Cannot execute_resize container " + c.uuid + " in Stopped state."));
    }

    @Test
    void aCommandThatOutlivesTheHostsTimeoutIsZunsConflict() throws Exception {
        ContainerEntity c = rows.insert("slow", ContainerStatus.RUNNING, HOST);
        Response response = host().serve(ComputeRpcApi.CONTAINER_EXEC,
                () -> given().queryParam("command", "sh -c 'sleep 20'").when().post(path(c, "execute")),
                StubbedHost.refusal("ExecTimeout", "Timeout on executing command: sh -c sleep 20")).response();
        response.then().statusCode(409)
                .body("errors[0].code", equalTo("container.conflict"))
                .body("errors[0].detail", equalTo("Timeout on executing command: sh -c 'sleep 20'"));
        given().header("OpenStack-API-Version", "container 1.33").when()
                .get(path(c, "container_actions/" + response.header("X-OpenStack-Request-Id"))).then()
                .statusCode(200).body("message", equalTo("Error")).body("finish_time", notNullValue());
    }

    @Test
    void aContainerGoneFromItsEngineIs404AndASilentHost503() throws Exception {
        ContainerEntity c = rows.insert("vanished-exec", ContainerStatus.RUNNING, HOST);
        host().serve(ComputeRpcApi.CONTAINER_EXEC, () -> given().queryParam("command", "ls").when()
                        .post(path(c, "execute")),
                StubbedHost.refusal("ContainerNotFound", "Container " + c.uuid + " does not exist in the engine"))
                .response().then().statusCode(404)
                .body("errors[0].detail", equalTo("Container " + c.uuid + " does not exist in the engine"));
        ContainerEntity unheard = rows.insert("unheard-exec", ContainerStatus.RUNNING, "gone-exec-host");
        try (RpcQueueProbe ignored = RpcQueueProbe.on("compute.gone-exec-host", json)) {
            given().queryParam("command", "ls").when().post(path(unheard, "execute")).then().statusCode(503)
                    .body("errors[0].code", equalTo("container.container-host-not-up"))
                    .body("errors[0].detail", equalTo("Container host gone-exec-host is not up."));
        }
    }

    @Test
    void executeResizeReachesTheHostAndAnswersNull() throws Exception {
        ContainerEntity c = rows.insert("sized", ContainerStatus.RUNNING, HOST);
        StubbedHost.Served served = host().serve(ComputeRpcApi.CONTAINER_EXEC_RESIZE,
                () -> given().queryParam("exec_id", EXEC_ID).queryParam("h", "24").queryParam("w", 80)
                        .when().post(path(c, "execute_resize")), host().answer(null));
        served.response().then().statusCode(200).contentType(containsString("application/json"));
        assertEquals("null", served.response().asString());
        assertEquals(c.uuid.toString(), served.args().get("uuid").asText());
        assertEquals(EXEC_ID, served.args().get("execId").asText());
        assertEquals(24, served.args().get("height").asInt());
        assertEquals(80, served.args().get("width").asInt());
    }

    @Test
    void executeResizeOfNoExecOfTheContainerIsZunsInvalid() throws Exception {
        ContainerEntity c = rows.insert("sized-wrong", ContainerStatus.RUNNING, HOST);
        host().serve(ComputeRpcApi.CONTAINER_EXEC_RESIZE,
                        () -> given().queryParam("exec_id", EXEC_ID).queryParam("h", 24).queryParam("w", 80)
                                .when().post(path(c, "execute_resize")),
                        StubbedHost.refusal("Invalid", "no such exec instance: No such exec instance: " + EXEC_ID))
                .response().then().statusCode(400)
                .body("errors[0].code", equalTo("container.invalid"))
                .body("errors[0].detail", equalTo("no such exec instance: No such exec instance: " + EXEC_ID));
        given().queryParam("exec_id", EXEC_ID).queryParam("h", 24).when().post(path(c, "execute_resize"))
                .then().statusCode(400).body("errors[0].detail", equalTo("'w' is a required property"));
        given().queryParam("exec_id", "abc").queryParam("h", 24).queryParam("w", 80)
                .when().post(path(c, "execute_resize")).then().statusCode(400)
                .body("errors[0].detail", startsWith("Invalid input for query parameters 'exec_id'. Value: 'abc'."));
    }
}
