package io.windlass.network;

import io.windlass.container.ContainerAddress;
import io.windlass.container.ContainerRules;
import io.windlass.container.ContainerStatus;
import io.windlass.container.ContainerStatusReport;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.server.PowerState;
import io.windlass.server.ServerAddress;
import io.windlass.server.ServerRules;
import io.windlass.server.ServerStatusReport;
import io.windlass.server.persistence.ServerEntity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A workload on ports shows its ports' addresses in its API's shape, and the engine's view does not replace them. */
class PortAddressesTest {
    private static final BoundPort BROUGHT = new BoundPort("p1", "n1", "private", "fa:16:3e:00:00:01",
            List.of(new FixedIp("s4", "198.19.60.10"), new FixedIp("s6", "fd00:60::10")), true);
    private static final BoundPort MADE = new BoundPort("p2", "n2", "backend", "fa:16:3e:00:00:02",
            List.of(new FixedIp("s7", "198.19.61.5")), false);

    @Test
    void zunKeysByNetworkIdWithPortSubnetAndPreserveFlag() {
        ContainerEntity row = new ContainerEntity();
        row.uuid = UUID.randomUUID();
        new ContainerRules().addressed(row, List.of(BROUGHT, MADE));
        assertEquals(Map.of(
                "n1", List.of(new ContainerAddress("198.19.60.10", 4, "p1", "s4", true),
                        new ContainerAddress("fd00:60::10", 6, "p1", "s6", true)),
                "n2", List.of(new ContainerAddress("198.19.61.5", 4, "p2", "s7", false))), row.addresses);

        // the engine names its own network; a row on ports keeps the ports' view
        row.nics = List.of(new WorkloadPort("p1", "n1", true, null));
        new ContainerRules().applyObserved(row, new ContainerStatusReport(row.uuid.toString(), "h",
                ContainerStatus.RUNNING, null, "Up", "e1",
                Map.of("engine-net", List.of(new ContainerAddress("198.19.0.2", 4, "ep", "x", false))),
                List.of(), List.of(), false, true, Instant.now()));
        assertEquals(List.of("n1", "n2"), row.addresses.keySet().stream().sorted().toList());
    }

    @Test
    void novaKeysByNetworkNameWithTheMac() {
        ServerEntity row = new ServerEntity();
        row.uuid = UUID.randomUUID();
        new ServerRules(null, null).addressed(row, List.of(BROUGHT, MADE));
        assertEquals(Map.of(
                "private", List.of(new ServerAddress("198.19.60.10", 4, "fa:16:3e:00:00:01"),
                        new ServerAddress("fd00:60::10", 6, "fa:16:3e:00:00:01")),
                "backend", List.of(new ServerAddress("198.19.61.5", 4, "fa:16:3e:00:00:02"))), row.addresses);

        row.nics = List.of(new WorkloadPort("p1", "n1", true, null));
        row.host = "h";
        new ServerRules(null, null).applyObserved(row, new ServerStatusReport(row.uuid.toString(), "h", PowerState.RUNNING, "e1",
                Map.of("engine", List.of(new ServerAddress("198.19.0.3", 4, null))), null, false, true, Instant.now()));
        assertEquals(List.of("backend", "private"), row.addresses.keySet().stream().sorted().toList());
    }
}
