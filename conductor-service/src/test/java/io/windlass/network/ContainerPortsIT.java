package io.windlass.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.conductor.ConductorRpcApi.BuildContainer;
import io.windlass.conductor.support.ContainerRows;
import io.windlass.conductor.support.FakeEdges;
import io.windlass.conductor.support.Poll;
import io.windlass.conductor.support.PortRows;
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
import java.util.UUID;

import static io.windlass.conductor.support.FakeEdges.HOST;
import static io.windlass.conductor.support.FakeEdges.OTHER_HOST;
import static io.windlass.conductor.support.FakeEdges.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A container on ports through the conductor, on real PostgreSQL and RabbitMQ: placing it binds
 * its ports to the host, shows their addresses, and tells the host the ports, the network and
 * the hosts already carrying it; its delete unbinds the port the user brought and deletes the
 * one made for it.
 */
@QuarkusTest
class ContainerPortsIT {
    private static final String NETWORK = "3f6f6f3a-0c1d-4c39-9d1a-5a8f2a0b7c01";
    private static final String SUBNET = "3f6f6f3a-0c1d-4c39-9d1a-5a8f2a0b7c02";
    private static final String BROUGHT = "3f6f6f3a-0c1d-4c39-9d1a-5a8f2a0b7c03";
    private static final String MADE = "3f6f6f3a-0c1d-4c39-9d1a-5a8f2a0b7c04";
    private static final String ELSEWHERE = "3f6f6f3a-0c1d-4c39-9d1a-5a8f2a0b7c05";

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
        ports = new PortRows(rows, NETWORK, SUBNET, 4301, "198.19.80.0/24", "198.19.80.1");
        edges = new FakeEdges(connection, json);
    }

    @AfterEach
    void stop() {
        edges.close();
    }

    @Test
    void placingBindsThePortsAndDescribesThemAndTheirPeersDeletingReleasesThem() throws Exception {
        rows.insertHost(HOST, 0);
        rows.insertHost(OTHER_HOST, 0);
        rows.update("UPDATE compute_hosts SET underlay_address = '198.18.9.2' WHERE host = '" + HOST + "'");
        rows.update("UPDATE compute_hosts SET underlay_address = '198.18.8.2' WHERE host = '" + OTHER_HOST + "'");
        UUID uuid = rows.insert("Creating", null);
        ports.port(BROUGHT, "fa:16:3e:00:80:10", "198.19.80.10", uuid.toString(), "");
        ports.port(MADE, "fa:16:3e:00:80:11", "198.19.80.11", uuid.toString(), "");
        // another workload's port already carries the network on the other host
        ports.port(ELSEWHERE, "fa:16:3e:00:80:12", "198.19.80.12", UUID.randomUUID().toString(), OTHER_HOST);
        rows.update("UPDATE containers SET nics = '[{\"portId\": \"" + BROUGHT + "\", \"networkId\": \"" + NETWORK
                + "\", \"preserveOnDelete\": true}, {\"portId\": \"" + MADE + "\", \"networkId\": \"" + NETWORK
                + "\", \"preserveOnDelete\": false}]' WHERE uuid = '" + uuid + "'");

        conductor.buildContainer(ctx, new BuildContainer(uuid.toString(), true));
        next(edges.selects);
        CreateContainer create = next(edges.creates);

        assertEquals(List.of(new PortSpec(BROUGHT, NETWORK, "fa:16:3e:00:80:10", List.of(new FixedIp(SUBNET,
                        "198.19.80.10"))), new PortSpec(MADE, NETWORK, "fa:16:3e:00:80:11",
                        List.of(new FixedIp(SUBNET, "198.19.80.11")))),
                create.networks().ports());
        assertEquals(List.of(new NetworkBinding(NETWORK, 4301, 1450, List.of(new SubnetSpec("198.19.80.0/24",
                        "198.19.80.1", 4)), List.of("198.18.8.2", "198.18.9.2"))),
                create.networks().networks());
        Map<String, String> bound = rows.row("SELECT binding_host_id, status, binding_vif_type FROM ports WHERE id = '"
                + BROUGHT + "'");
        assertEquals(Map.of("binding_host_id", HOST, "status", "ACTIVE", "binding_vif_type", "bridge"), bound);
        String addresses = rows.container(uuid).get("addresses");
        assertTrue(addresses.contains("\"" + NETWORK + "\"") && addresses.contains("198.19.80.10")
                && addresses.contains("\"preserve_on_delete\": true"), addresses);

        // the engine's own view of its network does not replace the ports' addresses
        containers.report(ctx, new ContainerStatusReport(uuid.toString(), HOST, ContainerStatus.RUNNING, null, "Up",
                "e1", Map.of("engine", List.of()), List.of(), List.of(), false, true, Instant.now()));
        assertTrue(rows.container(uuid).get("addresses").contains("198.19.80.10"));

        rows.update("UPDATE containers SET status = 'Deleting', task_state = 'container_deleting' WHERE uuid = '"
                + uuid + "'");
        containers.report(ctx, new ContainerStatusReport(uuid.toString(), HOST, ContainerStatus.DELETED, null, null,
                null, null, null, null, true, true, Instant.now()));
        Poll.until("the row deleted", () -> !rows.exists(uuid));
        assertEquals(Map.of("device_id", "", "binding_host_id", "", "status", "DOWN", "binding_vif_type", "unbound"),
                rows.row("SELECT device_id, binding_host_id, status, binding_vif_type FROM ports WHERE id = '"
                        + BROUGHT + "'"));
        assertEquals("0", rows.row("SELECT count(*) AS n FROM ports WHERE id = '" + MADE + "'").get("n"));
        assertEquals("0", rows.row("SELECT count(*) AS n FROM ip_allocations WHERE port_id = '" + MADE + "'").get("n"));
        assertEquals(OTHER_HOST, rows.row("SELECT binding_host_id FROM ports WHERE id = '" + ELSEWHERE + "'")
                .get("binding_host_id"));
    }
}
