package io.windlass.system;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Observes many workloads through the Watch API (docs/api-watch.md): one request kept open, and
 * each change read from its stream the moment the api-service sends it. Nothing polls: the
 * latency is up to the commit that made the workload final, as a client that waits on the stream
 * sees it, and the api-service serves one stream instead of a listing every few milliseconds.
 */
public final class StreamWatch extends FinalStatusWatch {
    private final ObjectMapper json = new ObjectMapper();
    private final InputStream stream;
    private final CountDownLatch watching = new CountDownLatch(1);
    private final Thread reader;

    /**
     * Opens the watch and returns once the api-service said it is watching, so that every change
     * committed afterwards is seen.
     *
     * @param watch   the list's URL with {@code watch=true}
     * @param headers the list's headers (token, microversion)
     * @param id      each workload's id member in the events
     * @param finals  the statuses a workload ends its create in
     */
    public StreamWatch(URI watch, Map<String, String> headers, String id, Set<String> finals) throws Exception {
        super(id, finals);
        HttpRequest.Builder request = HttpRequest.newBuilder(watch).GET();
        headers.forEach(request::header);
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
            throw new AssertionError("GET " + watch + " answered " + response.statusCode() + ": " + body);
        }
        this.stream = response.body();
        this.reader = Thread.ofPlatform().daemon().name("stream-watch").start(this::read);
        if (!watching.await(10, TimeUnit.SECONDS)) {
            close();
            throw new AssertionError("GET " + watch + " sent no watching event within 10 s");
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String event = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                long at = System.nanoTime();
                if (line.startsWith("event:")) {
                    event = line.substring("event:".length()).trim();
                } else if (line.startsWith("data:") && "watching".equals(event)) {
                    watching.countDown();
                } else if (line.startsWith("data:")) {
                    observed(json.readTree(line.substring("data:".length())), at);
                } else if (line.isEmpty()) {
                    event = null;
                }
            }
            failed(new AssertionError("the watch stream ended"));
        } catch (Exception e) {
            if (!Thread.currentThread().isInterrupted()) {
                failed(e);
            }
        }
    }

    @Override
    public void close() {
        reader.interrupt();
        try {
            stream.close();
        } catch (IOException e) {
            // closing a stream that is going away anyway
        }
    }
}
