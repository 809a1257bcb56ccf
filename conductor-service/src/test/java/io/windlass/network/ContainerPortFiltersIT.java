package io.windlass.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.conductor.ConductorRpcApi.BuildContainer;
import io.windlass.conductor.support.ContainerRows;
import io.windlass.conductor.support.FakeEdges;
import io.windlass.conductor.support.Poll;
import io.windlass.conductor.support.PortRows;
import io.windlass.container.ContainerHealthcheck;
import io.windlass.container.ContainerManager;
import io.windlass.container.ContainerStatus;
import io.windlass.container.ContainerStatusReport;
import io.windlass.container.CreateContainer;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RpcConnection;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.windlass.conductor.support.FakeEdges.HOST;
import static io.windlass.conductor.support.FakeEdges.next;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Zun's container fields through the conductor: a container whose port is in the group its
 * {@code exposed_ports} made ({@code zun-<uuid>}) has its host told that port's filter, the group's
 * ingress rule in it; the create carries the exposed ports and the health check to the host; the host's
 * health verdict is written; the group goes with the container.
 */
@QuarkusTest
class ContainerPortFiltersIT {
    private static final String NETWORK = "4a7f6f3a-0c1d-4c39-9d1a-5a8f2a0b7c01";
    private static final String SUBNET = "4a7f6f3a-0c1d-4c39-9d1a-5a8f2a0b7c02";
    private static final String PORT = "4a7f6f3a-0c1d-4c39-9d1a-5a8f2a0b7c03";
    private static final String GROUP = "4a7f6f3a-0c1d-4c39-9d1a-5a8f2a0b7c04";

    private final RequestContext ctx = RequestContext.internal("conductor-it");

    @Inject
    ConductorRpcApi conductor;
    @Inject
    ContainerManager containers;
    @Inject
    ContainerRows rows;
    @Inject
    RpcConnection connection;
    @Inject
    ObjectMapper json;

    FakeEdges edges;
    PortRows ports;

    @BeforeEach
    void start() throws Exception {
        rows.clear();
        ports = new PortRows(rows, NETWORK, SUBNET, 4311, "198.19.81.0/24", "198.19.81.1");
        edges = new FakeEdges(connection, json);
    }

    @AfterEach
    void stop() {
        edges.close();
    }

    @Test
    void theExposedPortsGroupFiltersThePortOnItsHostAndGoesWithTheContainer() throws Exception {
        rows.insertHost(HOST, 0);
        UUID uuid = rows.insert("Creating", null);
        // as the api-service leaves it: the port made for the container in the group made for it
        rows.update("INSERT INTO security_groups (id, project_id, name) VALUES ('" + GROUP + "', 'p1', 'zun-" + uuid
                + "')");
        rows.update("INSERT INTO security_group_rules (id, security_group_id, project_id, direction, ethertype, "
                + "protocol, port_range_min, port_range_max, remote_ip_prefix) VALUES (gen_random_uuid(), '" + GROUP
                + "', 'p1', 'ingress', 'IPv4', 'tcp', 80, 80, '0.0.0.0/0')");
        // a prefix with host bits, kept as given (as Neutron keeps it): its network is what is enforced
        rows.update("INSERT INTO security_group_rules (id, security_group_id, project_id, direction, ethertype, "
                + "protocol, port_range_min, port_range_max, remote_ip_prefix) VALUES (gen_random_uuid(), '" + GROUP
                + "', 'p1', 'ingress', 'IPv4', 'tcp', 81, 81, '198.18.3.124/24')");
        ports.port(PORT, "fa:16:3e:00:81:10", "198.19.81.10", uuid.toString(), "");
        ports.member(PORT, GROUP);
        rows.update("UPDATE containers SET nics = '" + ports.nics(PORT, false) + "', security_groups = '[\"" + GROUP
                + "\"]', exposed_ports = '[\"80/tcp\"]', healthcheck = '{\"test\": \"true\", \"interval\": 2}' "
                + "WHERE uuid = '" + uuid + "'");

        conductor.buildContainer(ctx, new BuildContainer(uuid.toString(), true));
        next(edges.selects);
        CreateContainer create = next(edges.creates);
        assertEquals(List.of("80/tcp"), create.spec().exposedPorts());
        assertEquals(new ContainerHealthcheck("true", 2, null, null, null), create.spec().healthcheck());

        UpdatePortFilters filters = next(edges.filters);
        PortFilter port = filters.ports().stream().filter(p -> p.portId().equals(PORT)).findFirst().orElseThrow();
        assertEquals(List.of("198.19.81.10"), port.addresses());
        assertEquals(Set.of(new IngressRule(4, "tcp", 80, 80, List.of("0.0.0.0/0")),
                new IngressRule(4, "tcp", 81, 81, List.of("198.18.3.0/24"))), Set.copyOf(port.rules()));

        // the host's health verdict and docker ps's detail
        containers.report(ctx, new ContainerStatusReport(uuid.toString(), HOST, ContainerStatus.RUNNING, null,
                "Up 3 seconds (healthy)", "e1", Map.of(), List.of(80), List.of(), false, true, Instant.now(),
                "healthy"));
        Map<String, String> row = rows.container(uuid);
        assertEquals("healthy", row.get("health_status"));
        assertEquals("Up 3 seconds (healthy)", row.get("status_detail"));

        rows.update("UPDATE containers SET status = 'Deleting', task_state = 'container_deleting' WHERE uuid = '"
                + uuid + "'");
        containers.report(ctx, new ContainerStatusReport(uuid.toString(), HOST, ContainerStatus.DELETED, null, null,
                null, null, null, null, true, true, Instant.now()));
        Poll.until("the row deleted", () -> !rows.exists(uuid));
        assertEquals("0", rows.row("SELECT count(*) AS n FROM security_groups WHERE id = '" + GROUP + "'").get("n"));
        assertEquals("0", rows.row("SELECT count(*) AS n FROM ports WHERE id = '" + PORT + "'").get("n"));
    }
}
