package io.windlass.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One observer for many workloads, as a client that starts twenty at once watches them: it lists
 * them every interval, from before their creates on, and notes when each first shows a final
 * status. Twenty clients each showing their own workload every 25 ms put 800 requests a second on
 * the api-service, on the same two cores as the engine being measured, and a benchmark then
 * measures its own load. A plain JDK client, so that the observer's own cost stays small too.
 */
public final class ListWatch implements AutoCloseable {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final HttpRequest list;
    private final String array;
    private final String id;
    private final Set<String> finals;
    private final Duration interval;
    /** Each workload's first final status, with when the listing that showed it answered. */
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private final Thread watcher;
    private volatile Throwable failure;

    private record Seen(String status, long nanoTime, JsonNode workload) {
    }

    /**
     * @param list    the listing's URL (every workload of the caller's project, one page)
     * @param headers the listing's headers (token, microversion)
     * @param array   the member of the answer that holds the workloads
     * @param id      each workload's id member
     * @param finals  the statuses a workload ends its create in
     */
    public ListWatch(URI list, Map<String, String> headers, String array, String id, Set<String> finals,
                     Duration interval) {
        HttpRequest.Builder request = HttpRequest.newBuilder(list).GET();
        headers.forEach(request::header);
        this.list = request.build();
        this.array = array;
        this.id = id;
        this.finals = Set.copyOf(finals);
        this.interval = interval;
        this.watcher = Thread.ofPlatform().daemon().name("list-watch").start(this::watch);
    }

    private void watch() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                HttpResponse<String> page = http.send(list, HttpResponse.BodyHandlers.ofString());
                long at = System.nanoTime();
                if (page.statusCode() != 200) {
                    throw new AssertionError("GET " + list.uri() + " answered " + page.statusCode() + ": " + page.body());
                }
                for (JsonNode workload : json.readTree(page.body()).path(array)) {
                    String status = workload.path("status").asText();
                    if (finals.contains(status)) {
                        seen.putIfAbsent(workload.path(id).asText(), new Seen(status, at, workload));
                    }
                }
                Thread.sleep(interval);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | AssertionError e) {
            failure = e;
        }
    }

    /**
     * Waits until every workload of {@code started} was listed in a final status.
     *
     * @param started each workload's id and when its create was sent ({@link System#nanoTime})
     * @param ok      the final status of a create that worked; any other fails, with the workload as listed
     * @return each workload's time from its create to the listing that first showed it {@code ok}
     */
    public List<Duration> latencies(Map<String, Long> started, String ok, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!seen.keySet().containsAll(started.keySet())) {
            if (failure != null) {
                throw new AssertionError("the listing failed", failure);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("after " + timeout + " only " + seen.keySet().stream()
                        .filter(started::containsKey).count() + " of " + started.size() + " were final");
            }
            Thread.sleep(interval);
        }
        List<Duration> latencies = new ArrayList<>();
        started.forEach((workload, at) -> {
            Seen final_ = seen.get(workload);
            if (!ok.equals(final_.status())) {
                throw new AssertionError(workload + " ended " + final_.status() + ": " + final_.workload());
            }
            latencies.add(Duration.ofNanos(final_.nanoTime() - at));
        });
        return latencies;
    }

    @Override
    public void close() {
        watcher.interrupt();
    }
}
