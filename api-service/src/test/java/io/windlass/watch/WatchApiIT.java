package io.windlass.watch;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.windlass.testing.ProjectMember;
import io.windlass.testing.RealTokens;
import io.windlass.watch.SseStream.Event;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Watch API against the real database: rows written as the api-service and the conductor
 * write them (SQL here), their changes seen by watchers over HTTP, in order, once, and only by
 * those who may see them.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class WatchApiIT {
    static final Duration WAIT = Duration.ofSeconds(15);

    @TestHTTPResource("/")
    URI base;
    @Inject
    AgroalDataSource db;
    @Inject
    WorkloadWatch watch;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<SseStream> streams = new ArrayList<>();

    @AfterEach
    void closeStreams() {
        streams.forEach(SseStream::close);
    }

    @Test
    void aWatcherSeesCreateStatusChangesAndDeleteInOrderAndTheHostOnlyAsAdmin() throws Exception {
        ProjectMember a = ProjectMember.create("watch-order");
        SseStream member = watching("/container/v1/containers?watch=true", a.member(), null);
        SseStream admin = watching("/container/v1/containers?watch=true&all_projects=true", a.admin(), null);
        UUID c = container(a.project());
        sql("UPDATE containers SET host = 'h1', task_state = 'container_creating' WHERE uuid = ?", c);
        sql("UPDATE containers SET status = 'Running', task_state = NULL WHERE uuid = ?", c);
        sql("UPDATE containers SET status = 'Error', status_reason = 'killed by the OOM killer' WHERE uuid = ?", c);
        sql("UPDATE containers SET status = 'Error' WHERE uuid = ?", c); // no change: no event
        sql("DELETE FROM containers WHERE uuid = ?", c);

        List<Event> seen = of(c, member.awaitChanges(5, WAIT));
        assertEquals(List.of("created", "updated", "updated", "updated", "deleted"),
                seen.stream().map(Event::name).toList());
        assertTrue(seen.get(0).data().contains("\"status\":\"Creating\""), seen.get(0).data());
        assertTrue(seen.get(1).data().contains("\"task_state\":\"container_creating\""), seen.get(1).data());
        assertTrue(seen.get(3).data().contains("\"status_reason\":\"killed by the OOM killer\""), seen.get(3).data());
        assertIncreasing(seen);
        seen.forEach(e -> assertFalse(e.data().contains("\"host\""), e.data()));
        List<Event> asAdmin = of(c, admin.awaitChanges(5, WAIT));
        assertEquals(seen.stream().map(Event::id).toList(), asAdmin.stream().map(Event::id).toList());
        assertTrue(asAdmin.get(1).data().contains("\"host\":\"h1\""), asAdmin.get(1).data());
    }

    @Test
    void aResumeWithLastEventIdGetsExactlyTheMissedChanges() throws Exception {
        ProjectMember a = ProjectMember.create("watch-resume");
        SseStream first = watching("/container/v1/containers?watch=true", a.member(), null);
        UUID c = container(a.project());
        sql("UPDATE containers SET status = 'Running', host = 'h1' WHERE uuid = ?", c);
        assertEquals(2, first.awaitChanges(2, WAIT).size());
        String last = first.lastEventId();
        first.close();

        sql("UPDATE containers SET status = 'Stopped' WHERE uuid = ?", c);
        sql("UPDATE containers SET status = 'Running', task_state = 'container_rebooting' WHERE uuid = ?", c);
        sql("DELETE FROM containers WHERE uuid = ?", c);

        SseStream resumed = watching("/container/v1/containers?watch=true", a.member(), last);
        List<Event> missed = resumed.changes();
        assertEquals(List.of("updated", "updated", "deleted"), missed.stream().map(Event::name).toList());
        assertTrue(missed.get(0).data().contains("\"status\":\"Stopped\""), missed.get(0).data());
        assertTrue(Long.parseLong(missed.get(0).id()) > Long.parseLong(last));
        // nothing more arrives later either (no repeat after the replay)
        UUID sentinel = container(a.project());
        resumed.await(e -> e.isChange() && e.data().contains(sentinel.toString()), WAIT);
        assertEquals(4, resumed.changes().size());
    }

    @Test
    void anotherProjectsWatcherSeesNothingOfIt() throws Exception {
        ProjectMember a = ProjectMember.create("watch-a");
        ProjectMember b = ProjectMember.create("watch-b");
        SseStream other = watching("/container/v1/containers?watch=true", b.member(), null);
        SseStream otherServers = watching("/compute/v2.1/servers?watch=true", b.member(), null);
        UUID c = container(a.project());
        sql("UPDATE containers SET status = 'Running' WHERE uuid = ?", c);
        sql("DELETE FROM containers WHERE uuid = ?", c);
        UUID s = server(a.project());
        sql("UPDATE servers SET vm_state = 'active', power_state = 1 WHERE uuid = ?", s);
        UUID own = container(b.project());
        UUID ownServer = server(b.project());

        assertEquals(List.of(own.toString()), uuids(other.awaitChanges(1, WAIT)));
        Event first = otherServers.await(Event::isChange, WAIT);
        assertTrue(first.data().contains(ownServer.toString()), first.data());
        // all_projects is the admin's: the member is refused, as the list refuses it
        given().header("X-Auth-Token", b.member()).accept("text/event-stream")
                .get("/container/v1/containers?watch=true&all_projects=true").then().statusCode(403);
        // and one workload of another project is not found, as its show is not
        given().header("X-Auth-Token", b.member()).get("/compute/v2.1/servers/" + s + "?watch=true")
                .then().statusCode(404);
    }

    @Test
    void oneWorkloadsWatchSeesOnlyIt() throws Exception {
        ProjectMember a = ProjectMember.create("watch-one");
        UUID c = container(a.project());
        UUID neighbour = container(a.project());
        SseStream one = watching("/container/v1/containers/" + c + "?watch=true", a.member(), null);
        sql("UPDATE containers SET status = 'Running' WHERE uuid = ?", neighbour);
        sql("UPDATE containers SET status = 'Running' WHERE uuid = ?", c);
        assertEquals(List.of(c.toString()), uuids(one.awaitChanges(1, WAIT)));
        given().header("X-Auth-Token", ProjectMember.create("watch-none").member())
                .get("/container/v1/containers/" + c + "?watch=true").then().statusCode(404)
                .body("errors[0].code", containsString("container.container-not-found"));
    }

    @Test
    void serversAreToldInNovaWordsWithTheHostForAdmins() throws Exception {
        ProjectMember a = ProjectMember.create("watch-srv");
        SseStream member = watching("/compute/v2.1/servers?watch=true", a.member(), null);
        SseStream admin = watching("/compute/v2.1/servers/detail?watch=true&all_tenants=1&project_id=" + a.project(),
                a.admin(), null);
        UUID s = server(a.project());
        sql("UPDATE servers SET host = 'h2', task_state = 'spawning' WHERE uuid = ?", s);
        sql("UPDATE servers SET vm_state = 'active', task_state = NULL, power_state = 1 WHERE uuid = ?", s);
        sql("UPDATE servers SET task_state = 'deleting' WHERE uuid = ?", s);
        sql("UPDATE servers SET vm_state = 'deleted', task_state = NULL, deleted_at = now() WHERE uuid = ?", s);
        sql("UPDATE servers SET host = NULL WHERE uuid = ?", s); // after the delete: no event
        List<Event> seen = member.awaitChanges(5, WAIT);
        assertEquals(List.of("created", "updated", "updated", "updated", "deleted"),
                seen.stream().map(Event::name).toList());
        assertEquals(List.of("BUILD", "BUILD", "ACTIVE", "ACTIVE", "DELETED"),
                seen.stream().map(e -> e.data().replaceAll(".*\"status\":\"([A-Z_]+)\".*", "$1")).toList());
        assertTrue(seen.get(1).data().contains("\"OS-EXT-STS:task_state\":\"spawning\""), seen.get(1).data());
        seen.forEach(e -> assertFalse(e.data().contains("OS-EXT-SRV-ATTR:host"), e.data()));
        List<Event> asAdmin = admin.awaitChanges(5, WAIT);
        assertTrue(asAdmin.get(1).data().contains("\"OS-EXT-SRV-ATTR:host\":\"h2\""), asAdmin.get(1).data());
        assertEquals(5, asAdmin.size());
    }

    @Test
    void capsulesAreWatchedToo() throws Exception {
        ProjectMember a = ProjectMember.create("watch-capsule");
        SseStream member = watching("/container/v1/capsules?watch=true", a.member(), null);
        UUID c = UUID.randomUUID();
        sql("INSERT INTO capsules (uuid, name, project_id, user_id, restart_policy, cpu, memory, spec, status)"
                + " VALUES (?, 'cap', '" + a.project() + "', 'u', 'always', 1, 64, '{}', 'Creating')", c);
        SseStream one = watching("/container/v1/capsules/" + c + "?watch=true", a.member(), null);
        sql("UPDATE capsules SET status = 'Running', host = 'h1' WHERE uuid = ?", c);
        sql("DELETE FROM capsules WHERE uuid = ?", c);
        assertEquals(List.of("created", "updated", "deleted"),
                member.awaitChanges(3, WAIT).stream().map(Event::name).toList());
        assertEquals(List.of("updated", "deleted"), one.awaitChanges(2, WAIT).stream().map(Event::name).toList());
    }

    @Test
    void badRequestsAreAnsweredInTheFamilysErrorFormat() throws Exception {
        String admin = ProjectMember.create("watch-bad").admin();
        given().header("X-Auth-Token", admin).header("Last-Event-ID", "yesterday")
                .get("/container/v1/containers?watch=true").then().statusCode(400)
                .header("X-OpenStack-Request-Id", notNullValue())
                .body("errors[0].detail", containsString("Last-Event-ID"));
        given().header("X-Auth-Token", admin).header("Last-Event-ID", "-3")
                .get("/compute/v2.1/servers?watch=true").then().statusCode(400)
                .body("badRequest.message", containsString("Last-Event-ID"));
        given().header("X-Auth-Token", admin).get("/container/v1/containers?watch=true&status=Running")
                .then().statusCode(400).body("errors[0].detail", containsString("status"));
        given().header("X-Auth-Token", admin).get("/container/v1/containers?watch=maybe").then().statusCode(400);
        given().header("X-Auth-Token", admin).get("/container/v1/containers?watch=false").then().statusCode(200)
                .body("containers", notNullValue());
    }

    @Test
    void aResumeFromBeforeTheRetentionWindowIsToldToListAgain() throws Exception {
        ProjectMember a = ProjectMember.create("watch-expired");
        container(a.project());
        long latest = watch.log().latest();
        sql("UPDATE workload_change_horizon SET pruned_through = greatest(pruned_through, " + latest + ")");
        SseStream stale = SseStream.open(http, base.resolve("/container/v1/containers?watch=true"), a.member(),
                Long.toString(latest - 1));
        streams.add(stale);
        Event expired = stale.await(e -> "expired".equals(e.name()), WAIT);
        assertTrue(expired.data().contains("list again"), expired.data());
        awaitEnd(stale);
    }

    @Test
    void thePruneRemovesOldChangesAndRaisesTheHorizon() throws Exception {
        ProjectMember a = ProjectMember.create("watch-prune");
        UUID c = container(a.project());
        long latest = watch.log().latest();
        assertTrue(watch.log().pruneBefore(java.time.Instant.now().plusSeconds(60)) > 0);
        assertEquals(latest, watch.log().prunedThrough());
        assertEquals(List.of(), seqsOf(c));
        assertEquals(latest, watch.log().latest());
        // a resume from the horizon itself misses nothing; one from before it has expired
        SseStream fromHorizon = watching("/container/v1/containers?watch=true", a.member(), Long.toString(latest));
        sql("UPDATE containers SET status = 'Running' WHERE uuid = ?", c);
        assertEquals(List.of("updated"), fromHorizon.awaitChanges(1, WAIT).stream().map(Event::name).toList());
        SseStream before = SseStream.open(http, base.resolve("/container/v1/containers?watch=true"), a.member(),
                Long.toString(latest - 1));
        streams.add(before);
        before.await(e -> "expired".equals(e.name()), WAIT);
    }

    @Test
    void twoReplicasListenersBothGetEveryChange() throws Exception {
        ProjectMember a = ProjectMember.create("watch-replicas");
        List<WatchHubTest.TestSink> sinks = new ArrayList<>();
        List<AutoCloseable> replicas = new ArrayList<>();
        try {
            for (String name : List.of("replica-2", "replica-3")) {
                WatchHub hub = watch.newHub(name + "-dispatch");
                replicas.add(hub);
                replicas.add(watch.listener(hub, name + "-listen").start());
                WatchHubTest.TestSink sink = new WatchHubTest.TestSink();
                hub.subscribe(new WatchView(WatchScope.project(WorkloadKind.CONTAINER, a.project()),
                        new ZunWatchFormat(new com.fasterxml.jackson.databind.ObjectMapper()), p -> false), sink, null);
                sinks.add(sink);
            }
            SseStream http1 = watching("/container/v1/containers?watch=true", a.member(), null);
            for (WatchHubTest.TestSink sink : sinks) {
                awaitCount(sink, 1);
            }
            UUID c = container(a.project());
            for (int i = 0; i < 19; i++) {
                sql("UPDATE containers SET task_state = ? WHERE uuid = ?", i % 2 == 0 ? "container_stopping" : null,
                        c);
            }
            List<String> expected = seqsOf(c);
            assertEquals(20, expected.size());
            for (WatchHubTest.TestSink sink : sinks) {
                awaitCount(sink, 21);
                assertEquals(expected, sink.sent.stream().filter(e -> e.name().equals("created")
                        || e.name().equals("updated")).map(WatchEvent::id).toList());
            }
            assertEquals(expected, http1.awaitChanges(20, WAIT).stream().map(Event::id).toList());
        } finally {
            for (AutoCloseable r : replicas.reversed()) {
                r.close();
            }
        }
    }

    @Test
    void changesMadeWhileTheListenConnectionWasDownAreStillDelivered() throws Exception {
        ProjectMember a = ProjectMember.create("watch-relisten");
        SseStream w = watching("/container/v1/containers?watch=true", a.member(), null);
        UUID c = container(a.project());
        w.awaitChanges(1, WAIT);
        try (Connection conn = db.getConnection(); PreparedStatement s = conn.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND application_name = 'watch-listen'")) {
            s.executeQuery().close();
        }
        sql("UPDATE containers SET status = 'Running' WHERE uuid = ?", c);
        sql("UPDATE containers SET status = 'Stopped' WHERE uuid = ?", c);
        List<Event> seen = w.awaitChanges(3, WAIT);
        assertEquals(List.of("created", "updated", "updated"), seen.stream().map(Event::name).toList());
        assertTrue(seen.get(2).data().contains("\"status\":\"Stopped\""), seen.get(2).data());
    }

    // --- helpers

    private SseStream watching(String path, String token, String lastEventId) throws InterruptedException {
        SseStream s = SseStream.open(http, base.resolve(path), token, lastEventId);
        streams.add(s);
        s.await(e -> "watching".equals(e.name()), WAIT);
        return s;
    }

    UUID container(String project) throws SQLException {
        UUID uuid = UUID.randomUUID();
        sql("INSERT INTO containers (uuid, name, project_id, user_id, image, image_driver, cpu, memory, status)"
                + " VALUES (?, 'w', '" + project + "', 'u', 'busybox', 'docker', 1, 64, 'Creating')", uuid);
        return uuid;
    }

    UUID server(String project) throws SQLException {
        UUID uuid = UUID.randomUUID();
        sql("INSERT INTO servers (uuid, name, project_id, user_id, image_ref, image, flavor_id, flavor_name,"
                + " vcpus, memory_mb, root_gb, hostname, reservation_id, vm_state) VALUES (?, 'srv', '" + project
                + "', 'u', 'img', 'busybox', '0', 'm1.nano', 1, 64, 1, 'srv', 'r-1', 'building')", uuid);
        return uuid;
    }

    void sql(String statement, Object... args) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }

    List<String> seqsOf(UUID uuid) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT seq FROM workload_changes WHERE uuid = ? ORDER BY seq")) {
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

    static List<Event> of(UUID uuid, List<Event> events) {
        return events.stream().filter(e -> e.data().contains(uuid.toString())).toList();
    }

    static List<String> uuids(List<Event> events) {
        return events.stream().map(e -> e.data().replaceAll(".*\"(uuid|id)\":\"([^\"]+)\".*", "$2")).toList();
    }

    static void assertIncreasing(List<Event> events) {
        for (int i = 1; i < events.size(); i++) {
            assertTrue(Long.parseLong(events.get(i).id()) > Long.parseLong(events.get(i - 1).id()), events.toString());
        }
    }

    static void awaitCount(WatchHubTest.TestSink sink, int count) throws InterruptedException {
        for (int i = 0; i < 750 && sink.sent.size() < count; i++) {
            Thread.sleep(20);
        }
        assertTrue(sink.sent.size() >= count, "got " + sink.sent);
    }

    static void awaitEnd(SseStream s) throws InterruptedException {
        for (int i = 0; i < 750 && !s.ended(); i++) {
            Thread.sleep(20);
        }
        assertTrue(s.ended(), "the stream is still open");
    }
}
