package io.windlass.container.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.windlass.container.ContainerStatus;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.testing.ContainerRows;
import io.windlass.testing.RpcQueueProbe;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * During an upgrade, while agents older than compute RPC 1.11 still run (a compute cap of 1.10),
 * execute, top and the archives are not sent: the API answers as for a host that cannot serve the
 * call, and the agents' queue gets nothing.
 */
@QuarkusTest
@TestProfile(ContainerAccessCappedIT.OlderAgents.class)
class ContainerAccessCappedIT {
    private static final String HOST = "old-agent-host";

    public static class OlderAgents implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("windlass.rpc.version-cap.compute", "1.10");
        }
    }

    @Inject
    ContainerRows rows;
    @Inject
    ObjectMapper json;

    @Test
    void nothingIsSentToAgentsOlderThan111() throws Exception {
        ContainerEntity c = rows.insert("on-old-agent", ContainerStatus.RUNNING, HOST);
        String base = "/container/v1/containers/" + c.uuid;
        try (RpcQueueProbe agent = RpcQueueProbe.on("compute." + HOST, json)) {
            given().queryParam("command", "ls").when().post(base + "/execute").then().statusCode(503)
                    .body("errors[0].code", equalTo("container.service-unavailable"));
            given().when().get(base + "/top").then().statusCode(503);
            given().queryParam("path", "/etc").when().get(base + "/get_archive").then().statusCode(503);
            given().contentType("application/json").body("{\"path\": \"/tmp\", \"data\": \"\"}").when()
                    .post(base + "/put_archive").then().statusCode(503);
            given().queryParam("exec_id", "a".repeat(64)).queryParam("h", 1).queryParam("w", 1).when()
                    .post(base + "/execute_resize").then().statusCode(503);
            Thread.sleep(Duration.ofMillis(200));
            assertEquals(0, agent.drain().size());
        }
    }
}
