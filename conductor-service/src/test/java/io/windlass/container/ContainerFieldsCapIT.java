package io.windlass.container;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.conductor.ConductorRpcApi.BuildContainer;
import io.windlass.conductor.support.ContainerRows;
import io.windlass.conductor.support.FakeEdges;
import io.windlass.conductor.support.Poll;
import io.windlass.context.RequestContext;
import io.windlass.registry.RegistryPasswordCipher;
import io.windlass.rpc.RpcConnection;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.windlass.conductor.support.FakeEdges.HOST;
import static io.windlass.conductor.support.FakeEdges.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rolling upgrade's first half: agents capped below compute RPC 1.15 would make a container without its
 * health check (exposed ports, mounts, runtime, dedicated CPUs), so such a container fails with the reason;
 * one without them is created as before, in the older shape. So does a container whose registry has a login
 * under a cap below 1.20 (the agent would pull without it).
 */
@QuarkusTest
@TestProfile(ContainerFieldsCapIT.OlderAgents.class)
class ContainerFieldsCapIT {
    public static class OlderAgents implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("windlass.rpc.version-cap.compute", "1.12");
        }
    }

    private final RequestContext ctx = RequestContext.internal("conductor-it");

    @Inject
    ConductorRpcApi conductor;
    @Inject
    ContainerRows rows;
    @Inject
    RpcConnection connection;
    @Inject
    ObjectMapper json;
    @Inject
    RegistryPasswordCipher cipher;

    FakeEdges edges;

    @BeforeEach
    void start() throws Exception {
        rows.clear();
        edges = new FakeEdges(connection, json);
    }

    @AfterEach
    void stop() {
        edges.close();
    }

    @Test
    void aContainerWithAHealthCheckFailsWithTheReasonAndAPlainOneIsCreated() throws Exception {
        rows.insertHost(HOST, 0);
        UUID checked = rows.insert("Creating", null);
        rows.update("UPDATE containers SET healthcheck = '{\"test\": \"true\"}' WHERE uuid = '" + checked + "'");
        conductor.buildContainer(ctx, new BuildContainer(checked.toString(), true));
        next(edges.selects);
        Poll.until("the container failed", () -> "Error".equals(rows.container(checked).get("status")));
        Map<String, String> row = rows.container(checked);
        assertTrue(row.get("status_reason").contains("needs compute RPC 1.15 but compute." + HOST
                + " is capped at 1.12"), row.get("status_reason"));
        assertEquals(null, row.get("host"));

        UUID plain = rows.insert("Creating", null);
        conductor.buildContainer(ctx, new BuildContainer(plain.toString(), true));
        next(edges.selects);
        assertEquals(plain.toString(), next(edges.creates).spec().uuid());
    }

    @Test
    void aPrivilegedContainerFailsWithTheReasonUnderACapBelow121() throws Exception {
        rows.insertHost(HOST, 0);
        UUID privileged = rows.insert("Creating", null);
        rows.update("UPDATE containers SET privileged = true WHERE uuid = '" + privileged + "'");
        conductor.buildContainer(ctx, new BuildContainer(privileged.toString(), true));
        next(edges.selects);
        Poll.until("the container failed", () -> "Error".equals(rows.container(privileged).get("status")));
        Map<String, String> row = rows.container(privileged);
        assertTrue(row.get("status_reason").contains("a privileged container needs compute RPC 1.21 but compute."
                + HOST + " is capped at 1.12"), row.get("status_reason"));
        assertEquals(null, row.get("host"));
    }

    @Test
    void aContainerWhoseRegistryHasALoginFailsWithTheReasonAndOneWithoutIsCreated() throws Exception {
        rows.insertHost(HOST, 0);
        UUID login = ContainerRegistryLoginIT.containerOf(rows,
                ContainerRegistryLoginIT.registry(rows, cipher, "127.0.0.1:5999", "alice", "s3cret"), "tiny");
        conductor.buildContainer(ctx, new BuildContainer(login.toString(), true));
        next(edges.selects);
        Poll.until("the container failed", () -> "Error".equals(rows.container(login).get("status")));
        Map<String, String> row = rows.container(login);
        assertTrue(row.get("status_reason").contains("a container's private registry login needs compute RPC 1.20 "
                + "but compute." + HOST + " is capped at 1.12"), row.get("status_reason"));
        assertEquals(null, row.get("host"));

        // no username, no login: an older agent pulls its image from the registry's domain as any other
        UUID open = ContainerRegistryLoginIT.containerOf(rows,
                ContainerRegistryLoginIT.registry(rows, cipher, "127.0.0.1:5999", null, null), "tiny");
        conductor.buildContainer(ctx, new BuildContainer(open.toString(), true));
        next(edges.selects);
        assertEquals("127.0.0.1:5999/tiny", next(edges.creates).spec().image());
    }
}
