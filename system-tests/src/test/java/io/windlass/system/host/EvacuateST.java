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
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nova's evacuate over two hosts: the run's usual host (the machine's engine, whose agent the test
 * stops) and {@code wl-host-221} (a namespace with a dockerd of its own). A server of the stopped
 * host is rebuilt on the other with the same uuid, name and metadata; when the stopped agent comes
 * back, its start-up sync reports the old engine container, which is removed, and the server stays
 * on its new host.
 */
class EvacuateST {
    private static final String VERSION = "compute 2.79";
    /** Short, so that the host shows down soon after its agent stops; the default is 30 s. */
    private static final String DOWN_TIME = "windlass.service-down-time=8s";
    private static final String SERVER_UUID_LABEL = "windlass.server.uuid";

    @RegisterExtension
    static final WindlassSystem system = new WindlassSystem()
            .withProperty(WindlassService.CONDUCTOR, DOWN_TIME)
            .withProperty(WindlassService.SCHEDULER, DOWN_TIME)
            .withProperty(WindlassService.API, DOWN_TIME);

    private static final ServersApi servers = new ServersApi(system::adminToken, VERSION);

    private static EngineHost spare;

    @BeforeAll
    static void aSecondHost() throws IOException {
        spare = system.startEngineHost(221, 28794 + WindlassService.PORT_OFFSET);
        Poller.standard().until("both hosts up", () -> servers.request().get("/os-services").jsonPath()
                        .getList("services.findAll { it.state == 'up' && it.status == 'enabled' }.host"),
                hosts -> hosts.containsAll(List.of(system.agentHost(), spare.name())));
    }

    @Test
    void aServerOfADownHostIsRebuiltOnTheOtherAndTheOldContainerGoesWhenItsHostReturns() throws IOException {
        String down = system.agentHost();
        DockerCli downEngine = system.docker();
        String id = boot("st-evacuee", down);
        Map<String, Object> booted = servers.awaitStatus(id, "ACTIVE");
        assertEquals(down, booted.get("OS-EXT-SRV-ATTR:host"));
        assertEquals(1, downEngine.idsWithLabel(SERVER_UUID_LABEL, id).size());

        Response refused = evacuate(id);
        assertEquals(400, refused.statusCode(), refused.asString());
        assertEquals("Compute service of " + down + " is still in use.",
                refused.jsonPath().getString("badRequest.message"));

        system.stop(WindlassService.AGENT);
        new Poller(Duration.ofSeconds(60), Duration.ofMillis(500)).until(down + " reported down",
                () -> hostState(down), "down"::equals);
        Response accepted = evacuate(id);
        assertEquals(200, accepted.statusCode(), accepted.asString());

        Map<String, Object> rebuilt = servers.awaitStatus(id, "ACTIVE");
        assertEquals(spare.name(), rebuilt.get("OS-EXT-SRV-ATTR:host"), "rebuilt elsewhere: " + rebuilt.get("fault"));
        assertEquals(id, rebuilt.get("id"));
        assertEquals("st-evacuee", rebuilt.get("name"));
        assertEquals(Map.of("role", "evacuee"), rebuilt.get("metadata"));
        List<String> onSpare = spare.docker().idsWithLabel(SERVER_UUID_LABEL, id);
        assertEquals(1, onSpare.size(), "in the engine of " + spare.name());
        assertEquals("true", spare.docker().inspectExisting(onSpare.getFirst(), "{{.State.Running}}"));
        assertEquals("evacuee", spare.docker().inspectExisting(onSpare.getFirst(),
                "{{index .Config.Labels \"windlass.meta.role\"}}"));
        assertTrue(rebuilt.get("addresses").toString().contains(spare.bridgePrefix()),
                "an address on " + spare.name() + "'s bridge: " + rebuilt.get("addresses"));
        assertEquals(1, downEngine.idsWithLabel(SERVER_UUID_LABEL, id).size(),
                "the old engine container lives on while its host is away");

        system.restart(WindlassService.AGENT);
        Poller.standard().until("the old engine container removed from " + down,
                () -> downEngine.idsWithLabel(SERVER_UUID_LABEL, id), List::isEmpty);
        Map<String, Object> after = servers.awaitStatus(id, "ACTIVE");
        assertEquals(spare.name(), after.get("OS-EXT-SRV-ATTR:host"), "the returning host changed nothing");
        assertEquals(onSpare, spare.docker().idsWithLabel(SERVER_UUID_LABEL, id));

        assertEquals(204, servers.request().delete("/servers/" + id).statusCode());
        Poller.standard().until("server gone from " + spare.name(),
                () -> spare.docker().idsWithLabel(SERVER_UUID_LABEL, id), List::isEmpty);
    }

    private static String boot(String name, String host) {
        Response boot = servers.request().header("OpenStack-API-Version", "compute 2.74").body(Map.of("server", Map.of(
                "name", name, "flavorRef", "0", "imageRef", servers.imageId("busybox:latest"), "networks", "auto",
                "host", host, "metadata", Map.of("role", "evacuee")))).post("/servers");
        assertEquals(202, boot.statusCode(), boot.asString());
        return boot.jsonPath().getString("server.id");
    }

    /** No host named: the scheduler picks one other than the server's. */
    private static Response evacuate(String id) {
        return servers.request().body(Map.of("evacuate", Map.of())).post("/servers/" + id + "/action");
    }

    private static String hostState(String host) {
        Response services = servers.request().queryParam("host", host).get("/os-services");
        return services.statusCode() == 200 ? services.jsonPath().getString("services[0].state") : null;
    }
}
