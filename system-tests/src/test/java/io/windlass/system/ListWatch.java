package io.windlass.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Observes many workloads by listing them every interval, from before their creates on. Twenty
 * clients each showing their own workload every 25 ms put 800 requests a second on the
 * api-service, on the same two cores as the engine being measured, and a benchmark then measures
 * its own load. A plain JDK client, so that the observer's own cost stays small too.
 */
public final class ListWatch extends FinalStatusWatch {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final HttpRequest list;
    private final String array;
    private final Duration interval;
    private final Thread watcher;

    /**
     * @param list    the listing's URL (every workload of the caller's project, one page)
     * @param headers the listing's headers (token, microversion)
     * @param array   the member of the answer that holds the workloads
     * @param id      each workload's id member
     * @param finals  the statuses a workload ends its create in
     */
    public ListWatch(URI list, Map<String, String> headers, String array, String id, Set<String> finals,
                     Duration interval) {
        super(id, finals);
        HttpRequest.Builder request = HttpRequest.newBuilder(list).GET();
        headers.forEach(request::header);
        this.list = request.build();
        this.array = array;
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
                    observed(workload, at);
                }
                Thread.sleep(interval);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | AssertionError e) {
            failed(e);
        }
    }

    @Override
    public void close() {
        watcher.interrupt();
    }
}
