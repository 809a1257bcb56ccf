package io.windlass.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One observer for many workloads, as a client that boots twenty at once watches them: it lists
 * them every interval and notes when each first shows a final status. Twenty clients each
 * showing its own workload every 25 ms put 800 requests a second on the api-service, on the same
 * two cores as the engine being measured, and the benchmark then measures its own load. A plain
 * JDK client, so that the observer's own cost stays small too.
 *
 * @param list     the listing's URL (every workload of the caller's project, one page)
 * @param headers  the listing's headers (token, microversion)
 * @param array    the member of the answer that holds the workloads
 * @param id       each workload's id member
 * @param interval the time between two listings
 */
public record ListWatch(URI list, Map<String, String> headers, String array, String id, Duration interval) {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** When a workload was first seen in a final status ({@link System#nanoTime}), and which. */
    public record Seen(String status, long nanoTime) {
    }

    /**
     * Lists until the ids are known and every one of them shows one of {@code finals}. Lists from
     * the start, before the ids are known (their creates may still be under way), so no workload
     * is first seen late.
     *
     * @param ids the workloads to wait for, once all their creates have answered
     * @return each id's first final status and when it was seen
     */
    public Map<String, Seen> await(CompletableFuture<Set<String>> ids, Set<String> finals, Duration timeout)
            throws IOException, InterruptedException, ExecutionException {
        Map<String, Seen> seen = new HashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest.Builder request = HttpRequest.newBuilder(list).GET();
        headers.forEach(request::header);
        while (!ids.isDone() || !seen.keySet().containsAll(ids.get())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("after " + timeout + " not every workload was final: " + seen);
            }
            HttpResponse<String> page = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long at = System.nanoTime();
            if (page.statusCode() != 200) {
                throw new AssertionError("GET " + list + " answered " + page.statusCode() + ": " + page.body());
            }
            for (JsonNode workload : JSON.readTree(page.body()).path(array)) {
                if (finals.contains(workload.path("status").asText())) {
                    seen.putIfAbsent(workload.path(id).asText(), new Seen(workload.path("status").asText(), at));
                }
            }
            Thread.sleep(interval);
        }
        seen.keySet().retainAll(ids.get());
        return seen;
    }
}
