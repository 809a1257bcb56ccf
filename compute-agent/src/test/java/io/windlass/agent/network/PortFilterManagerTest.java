package io.windlass.agent.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.windlass.agent.driver.DriverException;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.network.IngressRule;
import io.windlass.network.PortFilter;
import io.windlass.network.UpdatePortFilters;
import io.windlass.rpc.RpcEndpoint;
import io.windlass.rpc.RpcTopics;
import io.windlass.rpc.RpcVersion;
import org.junit.jupiter.api.Test;

import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortFilterManagerTest {
    private static final UpdatePortFilters REQUEST = new UpdatePortFilters(List.of(new PortFilter(
            "3f2a9c10-4a61-4c1c-9e26-3f1a0e0c4261", "net", 4242, List.of("198.19.250.10"), List.of())));

    @Test
    void servedOnTheHostsTopicFromVersion17() {
        RpcEndpoint endpoint = new PortFilterManager(r -> { })
                .register(new RpcEndpoint(RpcTopics.compute("h1"), ComputeRpcApi.VERSION));
        assertTrue(endpoint.registration("update_port_filters", ComputeRpcApi.VERSION).isPresent());
        assertTrue(endpoint.registration("update_port_filters", new RpcVersion(1, 6)).isEmpty(),
                "a host serving 1.6 has no such method");
    }

    @Test
    void nullSourcesAndAnEmptyListStayApartOnTheWire() throws Exception {
        // anywhere and nothing: the one difference that must never be lost between conductor and host
        UpdatePortFilters sent = new UpdatePortFilters(List.of(new PortFilter("p", "n", 4242, List.of("198.19.250.10"),
                List.of(new IngressRule(4, "tcp", 22, 22, null), new IngressRule(4, "tcp", 23, 23, List.of()),
                        new IngressRule(6, null, null, null, List.of("fd00::/64"))))));
        ObjectMapper json = new ObjectMapper();
        UpdatePortFilters received = json.readValue(json.writeValueAsString(sent), UpdatePortFilters.class);
        assertEquals(sent, received);
        assertNull(received.ports().getFirst().rules().get(0).sources());
        assertEquals(List.of(), received.ports().getFirst().rules().get(1).sources());
    }

    @Test
    void theListIsApplied() {
        List<UpdatePortFilters> applied = new ArrayList<>();
        new PortFilterManager(applied::add).update(REQUEST);
        assertEquals(List.of(REQUEST), applied);
    }

    @Test
    void anEngineOrHostGoneForAMomentMakesTheMessageComeAgain() {
        DriverException transientFailure = new DriverException("iptables-restore",
                new SocketException("Connection refused"));
        PortFilterManager manager = new PortFilterManager(r -> {
            throw transientFailure;
        });
        assertSame(transientFailure, assertThrows(DriverException.class, () -> manager.update(REQUEST)));
    }

    @Test
    void anyOtherFailureWaitsForTheNextRound() {
        PortFilterManager manager = new PortFilterManager(r -> {
            throw new DriverException("iptables-restore failed (exit 2): line 4 failed");
        });
        manager.update(REQUEST); // logged, not thrown: the conductor's next list brings it right
    }
}
