package io.windlass.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.windlass.conductor.support.EntityRows;
import io.windlass.conductor.support.FakeEdges;
import io.windlass.rpc.RpcConnection;
import io.windlass.scheduler.ResizeClaim;
import io.windlass.server.persistence.ServerEntity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.windlass.conductor.support.FakeEdges.HOST;
import static io.windlass.conductor.support.FakeEdges.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Nova's {@code resize_confirm_window}: a server left in VERIFY_RESIZE past it is confirmed. */
@QuarkusTest
@TestProfile(ServerResizeAutoConfirmIT.ShortWindow.class)
class ServerResizeAutoConfirmIT {
    public static class ShortWindow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("windlass.conductor.resize-confirm-window", "1s");
        }
    }

    @Inject
    ServerResize resizes;
    @Inject
    RpcConnection connection;
    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;
    @Inject
    EntityRows entities;

    FakeEdges edges;

    @BeforeEach
    void start() throws Exception {
        edges = new FakeEdges(connection, json);
    }

    @AfterEach
    void stop() {
        edges.close();
    }

    @Test
    void aResizeLeftUnconfirmedPastTheWindowIsConfirmedAndAFreshOneIsNot() throws Exception {
        UUID old = resized("now() - interval '1 minute'");
        UUID fresh = resized("now() + interval '1 minute'");

        resizes.confirmUnconfirmed();

        ResizeClaim kept = next(edges.resizeClaims);
        assertEquals(old.toString(), kept.consumerUuid());
        assertEquals(2, kept.vcpus(), "the claim shrinks to the new flavor");
        ServerEntity confirmed = entities.get(ServerEntity.class, old);
        assertEquals(VmState.ACTIVE, confirmed.vmState);
        assertNull(confirmed.oldFlavor);
        assertNull(confirmed.taskState);
        assertEquals(VmState.RESIZED, entities.get(ServerEntity.class, fresh).vmState);
        assertEquals("confirmed", migrationStatus(old), "the resize's migration record is confirmed too");
        assertEquals("finished", migrationStatus(fresh));
    }

    private String migrationStatus(UUID server) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery("select status from "
                + "migrations where instance_uuid = ?1").setParameter(1, server).getSingleResult());
    }

    private UUID resized(String updatedAt) {
        UUID uuid = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into servers (uuid, name, project_id, user_id, image_ref, image, flavor_id, flavor_name,
                                             vcpus, memory_mb, root_gb, flavor_extra_specs, metadata, hostname,
                                             reservation_id, vm_state, power_state, network, host, old_flavor)
                        values (?1, 'srv', 'p1', 'u1', 'img', 'busybox:latest', '3', 'm1.medium', 2, 256, 3,
                                '{}', '{}', 'srv-host', 'r-abcdefgh', 'resized', 1, 'none', ?2,
                                '{"flavorId": "1", "name": "m1.tiny", "vcpus": 1, "memoryMb": 128, "rootGb": 1,
                                  "ephemeralGb": 0, "swap": 0, "extraSpecs": {}}')""")
                .setParameter(1, uuid).setParameter(2, HOST).executeUpdate());
        // its migration record as the host's applied resize left it
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into migrations (uuid, instance_uuid, "
                + "status, source_compute, dest_compute, project_id) values (gen_random_uuid(), ?1, 'finished', ?2, ?2, "
                + "'p1')").setParameter(1, uuid).setParameter(2, HOST).executeUpdate());
        // updated_at as an old or a fresh resize left it
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update servers set updated_at = "
                + updatedAt + " where uuid = ?1").setParameter(1, uuid).executeUpdate());
        return uuid;
    }
}
