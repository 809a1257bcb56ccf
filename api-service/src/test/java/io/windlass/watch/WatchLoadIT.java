package io.windlass.watch;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.windlass.testing.ProjectMember;
import io.windlass.testing.RealTokens;
import io.windlass.watch.SseStream.Event;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 200 watchers over HTTP (50 members of each of 4 projects; 8 of them admins watching every
 * project instead), 200 changes written one transaction each: every watcher sees every change it
 * may see exactly once, in order, and nothing else.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class WatchLoadIT {
    private static final Logger LOG = Logger.getLogger(WatchLoadIT.class);
    private static final int PROJECTS = 4;
    private static final int WATCHERS = 200;
    private static final int ADMINS = 8;
    private static final int CHANGES = 200;

    @TestHTTPResource("/")
    URI base;
    @Inject
    AgroalDataSource db;

    @Test
    void twoHundredWatchersTwoHundredChanges() throws Exception {
        List<ProjectMember> projects = new ArrayList<>();
        for (int i = 0; i < PROJECTS; i++) {
            projects.add(ProjectMember.create("watch-load-" + i));
        }
        HttpClient http = HttpClient.newHttpClient();
        Map<SseStream, String> watchers = new LinkedHashMap<>(); // stream → its project, null for all
        try {
            for (int i = 0; i < WATCHERS; i++) {
                ProjectMember p = projects.get(i % PROJECTS);
                boolean admin = i < ADMINS;
                SseStream s = SseStream.open(http, base.resolve("/container/v1/containers?watch=true"
                        + (admin ? "&all_projects=true" : "")), admin ? p.admin() : p.member(), null);
                watchers.put(s, admin ? null : p.project());
            }
            for (SseStream s : watchers.keySet()) {
                s.await(e -> "watching".equals(e.name()), Duration.ofSeconds(30));
            }

            long started = System.nanoTime();
            Map<String, UUID> containerOf = new HashMap<>();
            for (ProjectMember p : projects) {
                containerOf.put(p.project(), insert(p.project()));
            }
            for (int i = PROJECTS; i < CHANGES; i++) {
                UUID c = containerOf.get(projects.get(i % PROJECTS).project());
                update(c, i % 8 < 4 ? "Running" : "Stopped", "task " + i);
            }
            Map<String, List<String>> expected = new HashMap<>();
            List<String> all = new ArrayList<>();
            for (ProjectMember p : projects) {
                List<String> seqs = seqsOf(containerOf.get(p.project()));
                expected.put(p.project(), seqs);
                all.addAll(seqs);
            }
            all.sort((x, y) -> Long.compare(Long.parseLong(x), Long.parseLong(y)));
            assertEquals(CHANGES, all.size());

            List<String> deviations = new ArrayList<>();
            for (Map.Entry<SseStream, String> w : watchers.entrySet()) {
                List<String> want = w.getValue() == null ? all : expected.get(w.getValue());
                List<Event> got = w.getKey().awaitChanges(want.size(), Duration.ofSeconds(30));
                List<String> ids = got.stream()
                        .filter(e -> w.getValue() != null || containerOf.values().stream()
                                .anyMatch(c -> e.data().contains(c.toString())))
                        .map(Event::id).toList();
                if (!ids.equals(want)) {
                    deviations.add((w.getValue() == null ? "admin" : w.getValue()) + ": got " + ids + ", want " + want);
                }
            }
            LOG.infof("%d watchers saw %d changes in %d ms", WATCHERS, CHANGES,
                    (System.nanoTime() - started) / 1_000_000);
            assertTrue(deviations.isEmpty(), deviations.size() + " watchers deviate:\n"
                    + String.join("\n", deviations.subList(0, Math.min(5, deviations.size()))));
            // nothing arrives late or twice
            Thread.sleep(500);
            for (Map.Entry<SseStream, String> w : watchers.entrySet()) {
                if (w.getValue() != null) {
                    assertEquals(expected.get(w.getValue()).size(), w.getKey().changes().size());
                }
            }
        } finally {
            watchers.keySet().forEach(SseStream::close);
        }
    }

    private UUID insert(String project) throws Exception {
        UUID uuid = UUID.randomUUID();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO containers"
                + " (uuid, name, project_id, user_id, image, image_driver, cpu, memory, status)"
                + " VALUES (?, 'load', ?, 'u', 'busybox', 'docker', 1, 64, 'Creating')")) {
            s.setObject(1, uuid);
            s.setString(2, project);
            s.executeUpdate();
        }
        return uuid;
    }

    private void update(UUID uuid, String status, String reason) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE containers SET status = ?, status_reason = ? WHERE uuid = ?")) {
            s.setString(1, status);
            s.setString(2, reason);
            s.setObject(3, uuid);
            s.executeUpdate();
        }
    }

    private List<String> seqsOf(UUID uuid) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT seq FROM workload_changes WHERE uuid = ? ORDER BY seq")) {
            s.setObject(1, uuid);
            List<String> seqs = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    seqs.add(Long.toString(r.getLong(1)));
                }
            }
            return seqs;
        }
    }
}
