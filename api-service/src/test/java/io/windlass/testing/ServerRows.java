package io.windlass.testing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.image.catalog.ImageCatalog;
import io.windlass.server.VmState;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.server.persistence.ServerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Servers as the conductor would have left them, for api-service ITs that stand in for it: a live
 * host with the busybox image to boot on, a placed server of any state, and columns set directly.
 */
@ApplicationScoped
public class ServerRows {
    public static final String IMAGE = "busybox:latest";
    public static final String IMAGE_ID = ImageCatalog.idOf(IMAGE);

    private final EntityManager em;
    private final ServerRepository servers;

    public ServerRows(EntityManager em, ServerRepository servers) {
        this.em = em;
        this.servers = servers;
    }

    /** A live, roomy host whose engine has the image (kept if it is there already). */
    public void hostWithImage(String host) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO compute_hosts (host, driver, vcpus, memory_mb, disk_gb, images, last_heartbeat_at)
                VALUES (:host, 'docker', 64, 262144, 1000, '["busybox:latest"]', now())
                ON CONFLICT (host) DO UPDATE SET images = EXCLUDED.images, last_heartbeat_at = now()""")
                .setParameter("host", host).executeUpdate());
    }

    /** A server of {@code project} on {@code host} in {@code vmState}, launched. */
    public UUID insert(String project, String host, VmState vmState) {
        return insert(project, host, vmState, s -> { });
    }

    /** The same, with {@code tweak} applied to the row before it is inserted (a name, a fault). */
    public UUID insert(String project, String host, VmState vmState, Consumer<ServerEntity> tweak) {
        UUID uuid = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            ServerEntity s = new ServerEntity();
            s.uuid = uuid;
            s.name = "srv";
            s.projectId = project;
            s.userId = "u";
            s.imageRef = IMAGE_ID;
            s.image = IMAGE;
            s.flavorId = "0";
            s.flavorName = "m1.nano";
            s.hostname = "srv";
            s.reservationId = "r-12345678";
            s.vmState = vmState;
            s.host = host;
            s.launchedAt = Instant.now();
            tweak.accept(s);
            servers.persist(s);
        });
        return uuid;
    }

    /** The key a server was booted with: name, public key, type. */
    public List<String> keyOf(String id) {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "SELECT key_name, key_data, key_type FROM servers WHERE uuid = cast(:id as uuid)")
                .setParameter("id", id).getSingleResult());
        return Arrays.stream(row).map(v -> (String) v).toList();
    }

    /** Removes the servers launched before this time (ITs that place servers in a past window start clean). */
    public void deleteLaunchedBefore(String instant) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "DELETE FROM servers WHERE launched_at < cast(:at as timestamptz)").setParameter("at", instant)
                .executeUpdate());
    }

    /** Sets columns as the conductor would ({@code "host = 'h1', vm_state = 'active'"}). */
    public void set(String id, String assignments) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE servers SET " + assignments
                + " WHERE uuid = cast(:id as uuid)").setParameter("id", id).executeUpdate());
    }
}
