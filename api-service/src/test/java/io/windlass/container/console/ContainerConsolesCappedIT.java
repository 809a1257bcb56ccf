package io.windlass.container.console;

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
 * During an upgrade, while agents older than compute RPC 1.17 still run (a compute cap of 1.16), no
 * console is asked of them: interactive execute, attach, resize and the followed log are answered
 * 503 as execute is for a host that cannot serve it, and the agents' queue gets nothing (not even
 * the exec instance an interactive execute would make first).
 */
@QuarkusTest
@TestProfile(ContainerConsolesCappedIT.OlderAgents.class)
class ContainerConsolesCappedIT {
    private static final String HOST = "pre-console-host";

    public static class OlderAgents implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("windlass.rpc.version-cap.compute", "1.16");
        }
    }

    @Inject
    ContainerRows rows;
    @Inject
    ObjectMapper json;

    @Test
    void nothingIsSentToAgentsOlderThan117() throws Exception {
        ContainerEntity c = rows.insert("on-1-16", ContainerStatus.RUNNING, HOST, e -> e.interactive = true);
        String base = "/container/v1/containers/" + c.uuid;
        try (RpcQueueProbe agent = RpcQueueProbe.on("compute." + HOST, json)) {
            given().queryParam("command", "sh").queryParam("interactive", "true").when().post(base + "/execute")
                    .then().statusCode(503).body("errors[0].code", equalTo("container.service-unavailable"));
            given().when().get(base + "/attach").then().statusCode(503);
            given().queryParam("h", 24).queryParam("w", 80).when().post(base + "/resize").then().statusCode(503);
            given().queryParam("follow", "true").when().get(base + "/logs").then().statusCode(503);
            Thread.sleep(Duration.ofMillis(200));
            assertEquals(0, agent.drain().size());
        }
    }
}
