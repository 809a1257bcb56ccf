package io.windlass.container.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.container.ContainerStats;
import io.windlass.container.ContainerStatus;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.rpc.RpcReply;
import io.windlass.testing.ContainerRows;
import io.windlass.testing.RpcQueueProbe;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ContainerStatsIT {
    @Inject
    ContainerRows rows;
    @Inject
    ObjectMapper json;

    @Test
    void statsComeFromTheContainersHostInDockerColumns() throws Exception {
        ContainerEntity c = rows.insert("measured", ContainerStatus.RUNNING, "stats-host");
        try (RpcQueueProbe host = RpcQueueProbe.on("compute.stats-host", json)) {
            CompletableFuture<Response> stats = CompletableFuture.supplyAsync(() -> given()
                    .when().get("/container/v1/containers/measured/stats"));
            RpcQueueProbe.Received call = host.next(Duration.ofSeconds(5));
            assertEquals(ComputeRpcApi.CONTAINER_STATS.name(), call.envelope().method());
            assertEquals(c.uuid.toString(), call.envelope().args().get("uuid").asText());
            host.reply(call, new RpcReply(json.valueToTree(
                    new ContainerStats(8.5, 7.0, 256.0, 2.73, 4096, 0, 1500, 648)), null));
            stats.get().then().statusCode(200)
                    .body("CONTAINER", equalTo("measured"))
                    .body("'CPU %'", equalTo(8.5f))
                    .body("'MEM USAGE(MiB)'", equalTo(7.0f))
                    .body("'MEM LIMIT(MiB)'", equalTo(256.0f))
                    .body("'MEM %'", equalTo(2.73f))
                    .body("'BLOCK I/O(B)'", equalTo("4096/0"))
                    .body("'NET I/O(B)'", equalTo("1500/648"));
        }
    }

    @Test
    void onlyRunningContainersHaveStats() {
        ContainerEntity c = rows.insert("resting", ContainerStatus.STOPPED, "stats-host");
        given().when().get("/container/v1/containers/" + c.uuid + "/stats")
                .then().statusCode(409)
                .body("errors[0].detail", equalTo("Cannot stats container " + c.uuid + " in Stopped state."));
    }

    @Test
    void silentHostIs503() throws Exception {
        ContainerEntity c = rows.insert("unreachable", ContainerStatus.RUNNING, "gone-host");
        try (RpcQueueProbe ignored = RpcQueueProbe.on("compute.gone-host", json)) {
            given().when().get("/container/v1/containers/" + c.uuid + "/stats")
                    .then().statusCode(503)
                    .body("errors[0].code", equalTo("container.container-host-not-up"))
                    .body("errors[0].detail", equalTo("Container host gone-host is not up."));
        }
    }
}
