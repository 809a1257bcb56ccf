package io.windlass.workload;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.conductor.support.ContainerRows;
import io.windlass.conductor.support.FakeEdges;
import io.windlass.conductor.support.Poll;
import io.windlass.conductor.support.PortRows;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.container.ContainerAddress;
import io.windlass.container.ContainerStatus;
import io.windlass.container.ContainerStatusReport;
import io.windlass.context.RequestContext;
import io.windlass.network.AttachPort;
import io.windlass.network.DetachPort;
import io.windlass.network.FixedIp;
import io.windlass.network.IngressRule;
import io.windlass.network.InterfaceChange;
import io.windlass.network.NetworkBinding;
import io.windlass.network.PortFilter;
import io.windlass.network.PortSpec;
import io.windlass.network.SecurityGroupsChanged;
import io.windlass.network.SubnetSpec;
import io.windlass.network.UpdatePortFilters;
import io.windlass.rpc.RpcConnection;
import io.windlass.rpc.RpcHandlerException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.windlass.conductor.support.FakeEdges.HOST;
import static io.windlass.conductor.support.FakeEdges.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An interface attached to and detached from a running container through the conductor, on real
 * PostgreSQL and RabbitMQ with the host played by the test: the port is bound to the host and
 * described to it, the row shows the address once the host has it, a host's refusal gives the
 * port back, and a detach releases the port only after the host let it go; the host is sent the
 * filters of its ports' security groups.
 */
@QuarkusTest
class WorkloadInterfacesIT {
    private static final String NETWORK = "4a6f6f3a-0c1d-4c39-9d1a-5a8f2a0b7c01";
    private static final String SUBNET = "4a6f6f3a-0c1d-4c39-9d1a-5a8f2a0b7c02";
    private static final String PORT = "4a6f6f3a-0c1d-4c39-9d1a-5a8f2a0b7c03";
    private static final String MAC = "fa:16:3e:00:81:10";
    private static final String GROUP = "4a6f6f3a-0c1d-4c39-9d1a-5a8f2a0b7c04";
    private static final String ELSEWHERE = "4a6f6f3a-0c1d-4c39-9d1a-5a8f2a0b7c05";

    private final RequestContext ctx = RequestContext.internal("conductor-it");

    @Inject
    WorkloadInterfaces interfaces;
    @Inject
    ConductorRpcApi conductor;
    @Inject
    MeterRegistry registry;
    @Inject
    ContainerRows rows;
    @Inject
    RpcConnection connection;
    @Inject
    ObjectMapper json;

    FakeEdges edges;
    PortRows ports;
    UUID uuid;

    @BeforeEach
    void aRunningContainerWhoseApiJustBoundAPortToIt() throws Exception {
        rows.clear();
        ports = new PortRows(rows, NETWORK, SUBNET, 4311, "198.19.81.0/24", "198.19.81.1");
        rows.insertHost(HOST, 0);
        rows.update("UPDATE compute_hosts SET underlay_address = '198.18.9.2' WHERE host = '" + HOST + "'");
        uuid = rows.insert("Running", HOST);
        edges = new FakeEdges(connection, json);
    }

    @AfterEach
    void stop() {
        edges.close();
    }

    private void attaching(boolean preserveOnDelete) {
        ports.port(PORT, MAC, "198.19.81.10", uuid.toString(), "");
        ports.defaultGroup(GROUP);
        ports.member(PORT, GROUP);
        ports.port(ELSEWHERE, "fa:16:3e:00:81:11", "198.19.81.11", UUID.randomUUID().toString(), "");
        ports.member(ELSEWHERE, GROUP);
        rows.update("UPDATE containers SET task_state = 'network_attaching', nics = '"
                + ports.nics(PORT, preserveOnDelete) + "' WHERE uuid = '" + uuid + "'");
    }

    private Map<String, String> port() {
        return rows.row("SELECT device_id, binding_host_id, status FROM ports WHERE id = '" + PORT + "'");
    }

    private InterfaceChange change() {
        return new InterfaceChange(InterfaceChange.CONTAINER, uuid.toString(), PORT);
    }

    @Test
    void anAttachBindsDescribesAndShowsThePortAndADetachReleasesItAfterTheHost() throws Exception {
        attaching(true);

        interfaces.attach(ctx, change());

        AttachPort asked = next(edges.attaches);
        assertEquals(new AttachPort("container", uuid.toString(), new PortSpec(PORT, NETWORK, MAC,
                        List.of(new FixedIp(SUBNET, "198.19.81.10"))), new NetworkBinding(NETWORK, 4311, 1450,
                        List.of(new SubnetSpec("198.19.81.0/24", "198.19.81.1", 4)), List.of("198.18.9.2"))),
                asked);
        assertEquals(Map.of("device_id", uuid.toString(), "binding_host_id", HOST, "status", "ACTIVE"), port());
        Map<String, String> row = rows.container(uuid);
        assertNull(row.get("task_state"));
        assertTrue(row.get("addresses").contains("198.19.81.10"), row.get("addresses"));
        // the host enforces the port's group: any ingress from the group's members (itself and a port elsewhere)
        assertEquals(new UpdatePortFilters(List.of(new PortFilter(PORT, NETWORK, 4311, List.of("198.19.81.10"),
                        List.of(IngressRule.fromAny(4, List.of("198.19.81.10/32", "198.19.81.11/32")))))),
                next(edges.filters));
        // a rule added to the group through the Networking API reaches the host too
        rows.update("INSERT INTO security_group_rules (id, security_group_id, project_id, direction, ethertype, "
                + "protocol, port_range_min, port_range_max) VALUES (gen_random_uuid(), '" + GROUP + "', 'p1', "
                + "'ingress', 'IPv4', 'tcp', 8080, 8080)");
        interfaces.refreshFilters(ctx, new SecurityGroupsChanged(List.of(GROUP), List.of()));
        assertTrue(next(edges.filters).ports().getFirst().rules().contains(new IngressRule(4, "tcp", 8080, 8080, null)));

        rows.update("UPDATE containers SET task_state = 'network_detaching' WHERE uuid = '" + uuid + "'");
        interfaces.detach(ctx, change());

        assertEquals(new DetachPort("container", uuid.toString(), PORT, NETWORK), next(edges.detaches));
        // the user's port: unbound and DOWN, ready for another workload
        assertEquals(Map.of("device_id", "", "binding_host_id", "", "status", "DOWN"), port());
        row = rows.container(uuid);
        assertNull(row.get("task_state"));
        assertEquals("[]", row.get("nics"));
        assertTrue(!row.get("addresses").contains("198.19.81.10"), row.get("addresses"));

        // delivered again: nothing left to do, nothing asked of the host
        interfaces.detach(ctx, change());
        assertTrue(edges.detaches.isEmpty());
    }

    /**
     * The attach's call expired while the host was away, and the reconciler ended its task: the row holds
     * the port, bound to the host, but the container never got it. The host's next report of the running
     * container shows no address on the port's network, so the host is asked again; once it shows one,
     * nothing more is asked.
     */
    @Test
    void anAttachItsHostNeverRanIsAskedAgainWhenItsReportShowsTheContainerWithoutTheNetwork() throws Exception {
        attaching(true);
        rows.update("UPDATE ports SET binding_host_id = '" + HOST + "', status = 'ACTIVE' WHERE id = '" + PORT + "'");
        rows.update("UPDATE containers SET task_state = NULL WHERE uuid = '" + uuid + "'");

        double before = reconnected();
        conductor.reportContainerStatus(ctx, running(Map.of("bridge-engine-id",
                List.of(new ContainerAddress("198.18.250.2", 4, null, null, false)))));

        AttachPort asked = next(edges.attaches);
        assertEquals(PORT, asked.port().portId());
        assertEquals(NETWORK, asked.network().networkId());
        Poll.until("the repair counted", () -> reconnected() == before + 1);
        assertEquals(Map.of("device_id", uuid.toString(), "binding_host_id", HOST, "status", "ACTIVE"), port());
        assertTrue(rows.container(uuid).get("nics").contains(PORT), "the row keeps the port it was asked for");

        // the container shows the network now: nothing more to ask
        conductor.reportContainerStatus(ctx, running(Map.of(NETWORK,
                List.of(new ContainerAddress("198.19.81.10", 4, PORT, SUBNET, true)))));
        // a stopped container shows no address on its networks: that tells nothing
        conductor.reportContainerStatus(ctx, new ContainerStatusReport(uuid.toString(), HOST, ContainerStatus.STOPPED,
                null, "Exited (0)", "e1", Map.of(), List.of(), List.of("sh"), false, false, Instant.now()));
        Thread.sleep(500);
        assertTrue(edges.attaches.isEmpty(), "asked again: " + edges.attaches);
        assertEquals(before + 1, reconnected());
    }

    private double reconnected() {
        Counter counter = registry.find("windlass.conductor.interfaces.reconnected")
                .tags("kind", "container", "result", "attached").counter();
        return counter == null ? 0 : counter.count();
    }

    private ContainerStatusReport running(Map<String, List<ContainerAddress>> addresses) {
        return new ContainerStatusReport(uuid.toString(), HOST, ContainerStatus.RUNNING, null, "Up 1 second", "e1",
                addresses, List.of(), List.of("sh"), false, false, Instant.now());
    }

    @Test
    void anAttachTheHostRefusesGivesThePortBack() throws Exception {
        attaching(false);
        edges.attachAnswer = (c, r) -> {
            throw new RpcHandlerException("EngineError", "the engine said no");
        };

        interfaces.attach(ctx, change());

        next(edges.attaches);
        // made for the attach: deleted with its address
        assertEquals("0", rows.row("SELECT count(*) AS n FROM ports WHERE id = '" + PORT + "'").get("n"));
        assertEquals("0", rows.row("SELECT count(*) AS n FROM ip_allocations WHERE port_id = '" + PORT + "'").get("n"));
        Map<String, String> row = rows.container(uuid);
        assertNull(row.get("task_state"));
        assertEquals("[]", row.get("nics"));
    }

    @Test
    void aDetachTheHostRefusesKeepsThePort() throws Exception {
        attaching(false);
        interfaces.attach(ctx, change());
        next(edges.attaches);
        edges.detachAnswer = (c, r) -> {
            throw new RpcHandlerException("EngineError", "the engine said no");
        };
        rows.update("UPDATE containers SET task_state = 'network_detaching' WHERE uuid = '" + uuid + "'");

        interfaces.detach(ctx, change());

        next(edges.detaches);
        assertEquals(Map.of("device_id", uuid.toString(), "binding_host_id", HOST, "status", "ACTIVE"), port());
        Map<String, String> row = rows.container(uuid);
        assertNull(row.get("task_state"));
        assertTrue(row.get("nics").contains(PORT));
    }
}
