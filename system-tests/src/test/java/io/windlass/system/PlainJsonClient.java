package io.windlass.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * The benchmarks' client of the API: the JDK's HTTP client and Jackson, nothing else, so that a
 * timed request is the service's time and not the test client's. RestAssured, which the tests use
 * for its assertions, spends time of its own on every request (request specification, Groovy path
 * evaluation, filters): measured in one run of the servers benchmark (2026-12-07), a
 * {@code POST /servers} took 72 ms through it against 40 ms through this client (medians of 10
 * each, alternating), so a third of a create's fixed cost was the client's.
 */
public final class PlainJsonClient {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> headers;

    /** @param headers sent with every request (token, microversion) */
    public PlainJsonClient(Map<String, String> headers) {
        this.headers = Map.copyOf(headers);
    }

    /** POSTs {@code body} as JSON; fails unless the answer is {@code expected}. */
    public JsonNode post(URI uri, Object body, int expected) {
        try {
            return send(request(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))), expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GETs {@code uri}; fails unless the answer is {@code expected}. */
    public JsonNode get(URI uri, int expected) {
        return send(request(uri).GET(), expected);
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "application/json");
        headers.forEach(request::header);
        return request;
    }

    private JsonNode send(HttpRequest.Builder request, int expected) {
        HttpRequest built = request.build();
        try {
            HttpResponse<byte[]> response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != expected) {
                throw new AssertionError(built.method() + " " + built.uri() + " answered " + response.statusCode()
                        + " (expected " + expected + "): " + new String(response.body()));
            }
            return response.body().length == 0 ? json.missingNode() : json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + built.method() + " " + built.uri(), e);
        }
    }
}
