package io.windlass.container;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
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

import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static io.windlass.conductor.support.FakeEdges.HOST;
import static io.windlass.conductor.support.FakeEdges.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A container of Zun's {@code registry}: the conductor opens the registry's sealed password and sends the login in
 * the create (compute RPC 1.20) with the image taken from the registry's domain; a password it cannot open, or an
 * image that now names another registry, fails the container with the reason and nothing reaches the host.
 */
@QuarkusTest
class ContainerRegistryLoginIT {
    private static final String DOMAIN = "127.0.0.1:5999";
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
        rows.insertHost(HOST, 0);
    }

    @AfterEach
    void stop() {
        edges.close();
    }

    /** A registries row as the api-service writes it, the password sealed under the given cipher. */
    static UUID registry(ContainerRows rows, RegistryPasswordCipher sealer, String domain, String username,
                         String password) {
        UUID uuid = UUID.randomUUID();
        String sealed = sealer.seal(uuid, password);
        rows.update("INSERT INTO registries (uuid, project_id, user_id, domain, username, password) VALUES ('" + uuid
                + "', 'p1', 'u1', '" + domain + "', " + (username == null ? "null" : "'" + username + "'") + ", "
                + (sealed == null ? "null" : "'" + sealed + "'") + ")");
        return uuid;
    }

    static UUID containerOf(ContainerRows rows, UUID registry, String image) {
        UUID container = rows.insert("Creating", null);
        rows.update("UPDATE containers SET image = '" + image + "', registry_id = '" + registry + "' WHERE uuid = '"
                + container + "'");
        return container;
    }

    @Test
    void theLoginGoesToTheHostInTheCreateWithTheImageOfTheRegistrysDomain() throws Exception {
        UUID registry = registry(rows, cipher, DOMAIN, "alice", "s3cret");
        UUID container = containerOf(rows, registry, "team/tiny:1");
        conductor.buildContainer(ctx, new BuildContainer(container.toString(), true));
        next(edges.selects);
        CreateContainer sent = next(edges.creates);
        assertEquals(DOMAIN + "/team/tiny:1", sent.spec().image());
        assertEquals(new RegistryLogin(DOMAIN, "alice", "s3cret"), sent.spec().registryLogin());
        // the row keeps the image as the user gave it
        assertEquals("team/tiny:1", rows.container(container).get("image"));

        // a registry without a username: its domain, no login
        UUID open = registry(rows, cipher, DOMAIN, null, null);
        UUID plain = containerOf(rows, open, "tiny");
        conductor.buildContainer(ctx, new BuildContainer(plain.toString(), true));
        next(edges.selects);
        CreateContainer unauthenticated = next(edges.creates);
        assertEquals(DOMAIN + "/tiny", unauthenticated.spec().image());
        assertNull(unauthenticated.spec().registryLogin());
    }

    @Test
    void aPasswordSealedUnderAnotherKeyOrAnImageOfAnotherRegistryFailsTheContainer() throws Exception {
        RegistryPasswordCipher otherKey = new RegistryPasswordCipher(Base64.getEncoder().encodeToString(new byte[32]));
        UUID foreign = registry(rows, otherKey, DOMAIN, "alice", "s3cret");
        UUID unreadable = containerOf(rows, foreign, "tiny");
        conductor.buildContainer(ctx, new BuildContainer(unreadable.toString(), true));
        next(edges.selects);
        Poll.until("the container failed", () -> "Error".equals(rows.container(unreadable).get("status")));
        Map<String, String> row = rows.container(unreadable);
        assertEquals("Cannot create the container on host " + HOST + ": Cannot pull from registry " + foreign
                + ": the registry's stored password cannot be read: it was sealed under another "
                + "windlass.registry.password-key", row.get("status_reason"));
        assertNull(row.get("host"));
        assertFalse(row.get("status_reason").contains("s3cret"));

        // the registry's domain changed after the create was accepted: the login does not go to the image's server
        UUID moved = registry(rows, cipher, "other.example", "alice", "s3cret");
        UUID elsewhere = containerOf(rows, moved, DOMAIN + "/tiny");
        conductor.buildContainer(ctx, new BuildContainer(elsewhere.toString(), true));
        next(edges.selects);
        Poll.until("the container failed", () -> "Error".equals(rows.container(elsewhere).get("status")));
        assertTrue(rows.container(elsewhere).get("status_reason").contains("Image " + DOMAIN + "/tiny is not in registry "
                + moved), rows.container(elsewhere).get("status_reason"));
        assertTrue(edges.creates.isEmpty(), "nothing reached the host");
    }
}
