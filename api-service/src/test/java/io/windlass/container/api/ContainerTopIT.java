package io.windlass.container.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.container.ContainerProcesses;
import io.windlass.container.ContainerStatus;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.testing.ContainerRows;
import io.windlass.testing.StubbedHost;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Zun's {@code GET /containers/{id}/top}, with the container's host stood in for at the RPC edge. */
@QuarkusTest
class ContainerTopIT {
    private static final String HOST = "top-host";
    private static final List<String> TITLES = List.of("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD");

    @Inject
    ContainerRows rows;
    @Inject
    ObjectMapper json;

    @Test
    void theProcessesAreAnsweredInDockersKeysAndOrder() throws Exception {
        ContainerEntity c = rows.insert("topped", ContainerStatus.RUNNING, HOST);
        StubbedHost host = new StubbedHost(HOST, json);
        StubbedHost.Served served = host.serve(ComputeRpcApi.CONTAINER_TOP,
                () -> given().when().get("/container/v1/containers/topped/top"),
                host.answer(new ContainerProcesses(TITLES, List.of(List.of("root", "28363", "28344", "0", "Sep28",
                        "pts/0", "00:00:00", "nginx: master process nginx -g daemon off;")))));
        served.response().then().statusCode(200)
                .body("Titles", equalTo(TITLES))
                .body("Processes[0][7]", equalTo("nginx: master process nginx -g daemon off;"));
        assertTrue(served.response().asString().startsWith("{\"Processes\":[[\"root\""), served.response().asString());
        assertEquals(c.uuid.toString(), served.args().get("uuid").asText());
        assertTrue(served.args().get("psArgs").isNull());

        served = host.serve(ComputeRpcApi.CONTAINER_TOP,
                () -> given().queryParam("ps_args", "aux").when().get("/container/v1/containers/topped/top"),
                host.answer(new ContainerProcesses(List.of("USER", "PID"), List.of())));
        served.response().then().statusCode(200).body("Processes", equalTo(List.of()));
        assertEquals("aux", served.args().get("psArgs").asText());
        // python-zunclient's "None" is no options
        served = host.serve(ComputeRpcApi.CONTAINER_TOP,
                () -> given().queryParam("ps_args", "None").when().get("/container/v1/containers/topped/top"),
                host.answer(new ContainerProcesses(TITLES, List.of())));
        assertTrue(served.args().get("psArgs").isNull());
    }

    @Test
    void unknownParametersAre400AndOnlyARunningContainerIsListed() {
        ContainerEntity c = rows.insert("paused-top", ContainerStatus.PAUSED, HOST);
        given().queryParam("ps", "aux").when().get("/container/v1/containers/" + c.uuid + "/top").then()
                .statusCode(400).body("errors[0].detail", startsWith("Additional properties are not allowed"));
        given().when().get("/container/v1/containers/" + c.uuid + "/top").then().statusCode(409)
                .body("errors[0].detail", equalTo("Cannot top container " + c.uuid + " in Paused state."));
        given().when().get("/container/v1/containers/nothing-here/top").then().statusCode(404);
    }

    @Test
    void anEngineRefusalIs409() throws Exception {
        ContainerEntity c = rows.insert("bad-ps", ContainerStatus.RUNNING, HOST);
        new StubbedHost(HOST, json).serve(ComputeRpcApi.CONTAINER_TOP,
                        () -> given().queryParam("ps_args", "-o user").when()
                                .get("/container/v1/containers/" + c.uuid + "/top"),
                        StubbedHost.refusal("EngineError", "Docker top failed: Couldn't find PID field in ps output"))
                .response().then().statusCode(409)
                .body("errors[0].detail", equalTo("Docker top failed: Couldn't find PID field in ps output"));
    }
}
