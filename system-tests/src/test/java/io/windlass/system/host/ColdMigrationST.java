package io.windlass.system.host;

import io.restassured.response.Response;
import io.windlass.system.DockerCli;
import io.windlass.system.EngineHost;
import io.windlass.system.Poller;
import io.windlass.system.ServersApi;
import io.windlass.system.WindlassService;
import io.windlass.system.WindlassSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nova's cold migration over two real hosts: the run's usual host (the machine's engine) and
 * {@code wl-host-223} (a namespace with a dockerd of its own). The guest's disk travels: a file
 * written on the first host is there on the second. While the server waits in VERIFY_RESIZE the
 * first host keeps its stopped container; a revert runs that one again and removes the second's, a
 * confirm removes the first's.
 */
class ColdMigrationST {
    private static final String VERSION = "compute 2.79";
    private static final String SERVER_UUID_LABEL = "windlass.server.uuid";

    @RegisterExtension
    static final WindlassSystem system = new WindlassSystem();

    private static final ServersApi servers = new ServersApi(system::adminToken, VERSION);

    private static EngineHost target;

    @BeforeAll
    static void aSecondHost() throws IOException {
        target = system.startEngineHost(223, 28797 + WindlassService.PORT_OFFSET, true);
        Poller.standard().until("both hosts up", () -> servers.request().get("/os-services").jsonPath()
                        .getList("services.findAll { it.state == 'up' && it.status == 'enabled' }.host"),
                hosts -> hosts.containsAll(List.of(system.agentHost(), target.name())));
    }

    @Test
    void aServerMovesWithItsDiskIsRevertedThenMovedAgainAndConfirmed() throws IOException {
        String source = system.agentHost();
        DockerCli sourceEngine = system.docker();
        String id = boot("st-migrant", source);
        servers.awaitStatus(id, "ACTIVE");
        String original = only(sourceEngine, id);
        DockerCli.Result written = sourceEngine.run("exec", original, "sh", "-c", "echo travelled > /marker");
        assertTrue(written.ok(), written.stdout());

        // to the host an admin names (2.56)
        assertEquals(202, migrate(id, Map.of("host", target.name())).statusCode());
        Map<String, Object> moved = servers.awaitStatus(id, "VERIFY_RESIZE");
        assertEquals(target.name(), moved.get("OS-EXT-SRV-ATTR:host"), "moved: " + moved.get("fault"));
        String copy = only(target.docker(), id);
        assertEquals("true", target.docker().inspectExisting(copy, "{{.State.Running}}"));
        assertEquals("travelled", target.docker().run("exec", copy, "cat", "/marker").stdout().strip(),
                "the guest's disk came along");
        assertEquals("false", sourceEngine.inspectExisting(original, "{{.State.Running}}"),
                "the source keeps its copy, stopped, until the move is confirmed or reverted");

        assertEquals(202, servers.request().body(Map.of("revertResize", Map.of())).post("/servers/" + id + "/action")
                .statusCode());
        Map<String, Object> reverted = servers.awaitStatus(id, "ACTIVE");
        assertEquals(source, reverted.get("OS-EXT-SRV-ATTR:host"));
        Poller.standard().until("the source's copy runs again",
                () -> sourceEngine.inspectExisting(original, "{{.State.Running}}"), "true"::equals);
        Poller.standard().until("the target's copy removed", () -> target.docker().idsWithLabel(SERVER_UUID_LABEL, id),
                List::isEmpty);
        assertEquals("travelled", sourceEngine.run("exec", original, "cat", "/marker").stdout().strip());

        // the scheduler's choice this time: the only other host
        assertEquals(202, migrate(id, null).statusCode());
        assertEquals(target.name(), servers.awaitStatus(id, "VERIFY_RESIZE").get("OS-EXT-SRV-ATTR:host"));
        assertEquals(204, servers.request().body(Map.of("confirmResize", Map.of())).post("/servers/" + id + "/action")
                .statusCode());
        Map<String, Object> confirmed = servers.awaitStatus(id, "ACTIVE");
        assertEquals(target.name(), confirmed.get("OS-EXT-SRV-ATTR:host"));
        Poller.standard().until("the source's copy removed", () -> sourceEngine.idsWithLabel(SERVER_UUID_LABEL, id),
                List::isEmpty);
        String kept = only(target.docker(), id);
        assertEquals("travelled", target.docker().run("exec", kept, "cat", "/marker").stdout().strip());

        List<String> statuses = servers.request().queryParam("instance_uuid", id).get("/os-migrations").jsonPath()
                .getList("migrations.findAll { it.migration_type == 'migration' }.status");
        assertEquals(List.of("confirmed", "reverted"), statuses, "newest first");

        assertEquals(204, servers.request().delete("/servers/" + id).statusCode());
        Poller.standard().until("server gone from " + target.name(),
                () -> target.docker().idsWithLabel(SERVER_UUID_LABEL, id), List::isEmpty);
    }

    private static String only(DockerCli engine, String id) {
        List<String> ids = engine.idsWithLabel(SERVER_UUID_LABEL, id);
        assertEquals(1, ids.size(), "one engine container for " + id + ": " + ids);
        return ids.getFirst();
    }

    private static String boot(String name, String host) {
        Response boot = servers.request().body(Map.of("server", Map.of(
                "name", name, "flavorRef", "0", "imageRef", servers.imageId("busybox:latest"), "networks", "auto",
                "host", host))).post("/servers");
        assertEquals(202, boot.statusCode(), boot.asString());
        return boot.jsonPath().getString("server.id");
    }

    private static Response migrate(String id, Map<String, String> body) {
        Map<String, Object> action = new HashMap<>();
        action.put("migrate", body);
        return servers.request().body(action).post("/servers/" + id + "/action");
    }
}
