package io.windlass.watch;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A test's server-sent event client: the events with data it got, as an EventSource would dispatch them. */
final class SseStream implements Flow.Subscriber<String>, AutoCloseable {
    static final List<String> CHANGES = List.of("created", "updated", "deleted");

    /** @param receivedAt {@link System#nanoTime()} when its last line arrived */
    record Event(String id, String name, String data, long receivedAt) {
        boolean isChange() {
            return CHANGES.contains(name);
        }
    }

    final List<Event> events = new CopyOnWriteArrayList<>();
    private volatile Flow.Subscription subscription;
    private volatile boolean ended;
    private String id;
    private String name;
    private StringBuilder data;

    static SseStream open(HttpClient client, URI uri, String token, String lastEventId) {
        SseStream stream = new SseStream();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("X-Auth-Token", token)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        client.sendAsync(request.build(), HttpResponse.BodyHandlers.fromLineSubscriber(stream));
        return stream;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        if (line.isEmpty()) {
            if (data != null) {
                events.add(new Event(id, name, data.toString(), System.nanoTime()));
            }
            name = null;
            data = null;
            return;
        }
        if (line.startsWith(":")) {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
        switch (field) {
            case "id" -> id = value;
            case "event" -> name = value;
            case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            default -> { }
        }
    }

    @Override
    public void onError(Throwable throwable) {
        ended = true;
    }

    @Override
    public void onComplete() {
        ended = true;
    }

    boolean ended() {
        return ended;
    }

    /** The last id the stream carried (also by heartbeats), as a client would send it back. */
    String lastEventId() {
        return id;
    }

    List<Event> changes() {
        return events.stream().filter(Event::isChange).toList();
    }

    Event await(Predicate<Event> which, Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            for (Event e : events) {
                if (which.test(e)) {
                    return e;
                }
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new AssertionError("no such event within " + within + "; got " + events);
    }

    List<Event> awaitChanges(int count, Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end && changes().size() < count) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return changes();
    }

    @Override
    public void close() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
