package io.windlass.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WatchHubTest {
    private final MemoryLog log = new MemoryLog();
    private final WatchHub hub = new WatchHub(log, 2, 3, Duration.ofHours(1), "test-dispatch");

    @AfterEach
    void close() {
        hub.close();
    }

    @Test
    void aWatcherGetsWhatItMaySeeInOrderFromItsStart() throws Exception {
        log.add("p1");
        TestSink p1 = subscribe("p1", null);
        TestSink p2 = subscribe("p2", null);
        settle();
        log.add("p1");
        log.add("p2");
        log.add("p1");
        hub.changed();
        settle();
        assertEquals(List.of("watching 1", "updated 2", "updated 4"), p1.events());
        assertEquals(List.of("watching 1", "updated 3"), p2.events());
    }

    @Test
    void aResumeReplaysExactlyTheMissedChangesThenGoesOnLive() throws Exception {
        for (int i = 0; i < 5; i++) {
            log.add("p1");
        }
        hub.changed();
        TestSink resumed = subscribe("p1", 2L);
        settle();
        log.add("p1");
        hub.changed();
        settle();
        assertEquals(List.of("updated 3", "updated 4", "updated 5", "watching 5", "updated 6"), resumed.events());
    }

    @Test
    void aResumeFromBeforeThePruneIsToldToListAgain() throws Exception {
        log.add("p1");
        log.add("p1");
        log.prunedThrough = 2;
        TestSink late = subscribe("p1", 1L);
        settle();
        assertEquals(List.of("expired"), late.events());
        assertTrue(late.closed);
    }

    @Test
    void changesPrunedBeforeTheHubReadThemExpireItsWatchersAndReadingGoesOn() throws Exception {
        TestSink w = subscribe("p1", null);
        settle();
        log.add("p1");
        log.add("p1");
        log.rows.clear();
        log.prunedThrough = 2;
        hub.changed();
        settle();
        assertEquals(List.of("watching 0", "expired"), w.events());
        TestSink resumed = subscribe("p1", 2L);
        settle();
        log.add("p1");
        hub.changed();
        settle();
        assertEquals(List.of("watching 2", "updated 3"), resumed.events());
    }

    @Test
    void aPruneDuringTheReplayEndsItWithExpired() throws Exception {
        for (int i = 0; i < 5; i++) {
            log.add("p1");
        }
        log.pruneOnRead = 4;
        TestSink resumed = subscribe("p1", 1L);
        settle();
        assertEquals("expired", resumed.events().getLast());
        assertTrue(resumed.closed);
    }

    @Test
    void aWatcherThatDoesNotKeepUpIsClosedAndTheOthersGoOn() throws Exception {
        TestSink slow = subscribe("p1", null);
        slow.stalled = true;
        TestSink fast = subscribe("p1", null);
        settle();
        for (int i = 0; i < 6; i++) {
            log.add("p1");
        }
        hub.changed();
        settle();
        assertTrue(slow.closed);
        assertEquals("overflow", slow.events().getLast());
        assertEquals(7, fast.events().size());
        // the settling watcher is gone a moment after it was answered
        for (int i = 0; i < 100 && hub.watchers() > 1; i++) {
            Thread.sleep(10);
        }
        assertEquals(1, hub.watchers());
    }

    @Test
    void heartbeatsCarryEachWatchersPosition() throws Exception {
        TestSink w = subscribe("p1", null);
        settle();
        log.add("p2");
        hub.changed();
        hub.heartbeat();
        settle();
        assertEquals(List.of("watching 0", ":heartbeat 1"), w.events());
    }

    @Test
    void aStreamOpenTooLongIsToldToReconnect() throws Exception {
        try (WatchHub shortLived = new WatchHub(log, 2, 3, Duration.ZERO, "test-short")) {
            TestSink w = new TestSink();
            shortLived.subscribe(new WatchView(WatchScope.project(WorkloadKind.CONTAINER, "p1"),
                    new ZunWatchFormat(new ObjectMapper()), p -> false), w, null);
            shortLived.heartbeat();
            for (int i = 0; i < 100 && !w.closed; i++) {
                Thread.sleep(10);
            }
            assertEquals(List.of("watching 0", "reconnect 0"), w.events());
            assertTrue(w.closed);
        }
    }

    private TestSink subscribe(String project, Long lastEventId) {
        TestSink sink = new TestSink();
        hub.subscribe(new WatchView(WatchScope.project(WorkloadKind.CONTAINER, project),
                new ZunWatchFormat(new ObjectMapper()), p -> false), sink, lastEventId);
        return sink;
    }

    /** Waits until the dispatch thread did what was queued before. */
    private void settle() throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        hub.subscribe(new WatchView(WatchScope.project(WorkloadKind.CONTAINER, "none"),
                new ZunWatchFormat(new ObjectMapper()), p -> false), new TestSink() {
            @Override
            public CompletionStage<?> send(WatchEvent event) {
                done.complete(null);
                close();
                return CompletableFuture.completedFuture(null);
            }
        }, null);
        done.get(5, TimeUnit.SECONDS);
    }

    static class MemoryLog extends WorkloadChangeLog {
        final List<WorkloadChange> rows = new CopyOnWriteArrayList<>();
        volatile long prunedThrough;
        /** A prune through this seq that commits as soon as a replay reads (0: none). */
        volatile long pruneOnRead;

        MemoryLog() {
            super(null);
        }

        private long seq;

        void add(String project) {
            rows.add(new WorkloadChange(++seq, WorkloadKind.CONTAINER, UUID.randomUUID(), project,
                    "updated", "Running", null, null, null, null, Instant.now()));
        }

        @Override
        public long latest() {
            return seq;
        }

        @Override
        public long prunedThrough() {
            return prunedThrough;
        }

        @Override
        public List<WorkloadChange> after(long seq, int limit) {
            if (pruneOnRead > 0 && seq > 0) {
                prunedThrough = pruneOnRead;
            }
            return rows.stream().filter(r -> r.seq() > seq).limit(limit).toList();
        }
    }

    static class TestSink implements WatchSink {
        final List<WatchEvent> sent = new CopyOnWriteArrayList<>();
        volatile boolean stalled;
        volatile boolean closed;

        @Override
        public CompletionStage<?> send(WatchEvent event) {
            sent.add(event);
            return stalled ? new CompletableFuture<>() : CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        List<String> events() {
            return sent.stream().map(e -> e.comment() != null ? ":" + e.comment() + " " + e.id()
                    : e.id() == null ? e.name() : e.name() + " " + e.id()).toList();
        }
    }
}
