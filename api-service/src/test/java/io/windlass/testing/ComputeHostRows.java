package io.windlass.testing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;

/** compute_hosts rows and aggregates, written directly as heartbeats and earlier requests would have. */
@ApplicationScoped
public class ComputeHostRows {
    private final EntityManager em;

    public ComputeHostRows(EntityManager em) {
        this.em = em;
    }

    /** A host whose last heartbeat was {@code secondsAgo} ago. */
    public void insertHost(String host, int secondsAgo) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        INSERT INTO compute_hosts (host, driver, vcpus, memory_mb, disk_gb, last_heartbeat_at)
                        VALUES (:host, 'docker', 4, 8192, 100, now() - make_interval(secs => :ago))""")
                .setParameter("host", host).setParameter("ago", secondsAgo).executeUpdate());
    }

    /** A live host whose heartbeat reports these engine images. */
    public void insertHostWithImages(String host, List<String> images) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        INSERT INTO compute_hosts (host, driver, vcpus, memory_mb, disk_gb, last_heartbeat_at, images)
                        VALUES (:host, 'docker', 4, 8192, 100, now(), cast(:images as jsonb))""")
                .setParameter("host", host).setParameter("images", toJson(images)).executeUpdate());
    }

    private static String toJson(List<String> images) {
        return images.stream().map(i -> "\"" + i.replace("\"", "\\\"") + "\"")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    /** Removes every aggregate, allocation, host and container. */
    public void clear() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "TRUNCATE aggregates, aggregate_hosts, aggregate_metadata, allocations, compute_hosts, containers "
                        + "RESTART IDENTITY CASCADE").executeUpdate());
    }
}
