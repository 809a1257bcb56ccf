package io.windlass.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.windlass.server.VmState;
import io.windlass.testing.RpcQueueProbe;
import io.windlass.testing.ServerRows;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * During an upgrade, while agents older than compute RPC 1.24 still run (a compute cap of 1.23), no
 * diagnostics are asked of them: Nova's 409 UnsupportedRPCVersion, and the host's queue gets nothing.
 */
@QuarkusTest
@TestProfile(ServerDiagnosticsCappedIT.OlderAgents.class)
class ServerDiagnosticsCappedIT {
    private static final String HOST = "old-diagnostics-host";

    public static class OlderAgents implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("windlass.rpc.version-cap.compute", "1.23");
        }
    }

    @Inject
    ServerRows rows;
    @Inject
    ObjectMapper json;

    @Test
    void agentsOlderThan124AreNotAsked() throws Exception {
        UUID id = rows.insert("default", HOST, VmState.ACTIVE);
        try (RpcQueueProbe host = RpcQueueProbe.on("compute." + HOST, json)) {
            given().header("OpenStack-API-Version", "compute 2.48").get("/compute/v2.1/servers/" + id + "/diagnostics")
                    .then().statusCode(409).body("conflictingRequest.message", equalTo(
                            "server_diagnostics needs compute RPC 1.24 but compute." + HOST + " is capped at 1.23"
                                    + " while older compute services run (windlass.rpc.version-cap.compute)"));
            Thread.sleep(Duration.ofMillis(200));
            assertEquals(0, host.drain().size());
        }
    }
}
