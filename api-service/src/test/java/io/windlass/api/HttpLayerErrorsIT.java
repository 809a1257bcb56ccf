package io.windlass.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.windlass.image.catalog.ImageCatalog;
import io.windlass.testing.RawHttp;
import io.windlass.testing.RawHttp.Answer;
import io.windlass.testing.RpcQueueProbe;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.StreamSupport;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the HTTP layer refuses or repairs before any resource runs, sent over a raw socket (an HTTP
 * client would encode or refuse these): characters that clients send unencoded in a target are read
 * as their percent-encoded form, as Nova reads them; an overlong request line (414), oversized
 * headers (431) and an oversized body (413) get the API family's own error body and a request id;
 * a malformed chunked body leaves one log line and no stack trace.
 */
@QuarkusTest
class HttpLayerErrorsIT {
    private static final String REQUEST_ID = "req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String NOVA = "OpenStack-API-Version: compute 2.79\r\n";
    /** {@code windlass.api.max-body-size}'s default. */
    private static final int MAX_BODY = 10 * 1024 * 1024;

    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;

    private RawHttp http() {
        return new RawHttp(RestAssured.port);
    }

    private static String get(String target, String headers) {
        return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + headers + "\r\n";
    }

    @Test
    void rawRegexCharactersInAQueryFilterLikeTheirEncodedForm() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("TRUNCATE servers, quotas, quota_usages, compute_hosts CASCADE").executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO compute_hosts (host, driver, vcpus, memory_mb, disk_gb, images, last_heartbeat_at)
                    VALUES ('host-raw', 'docker', 4, 8192, 100, '["busybox:latest"]', now())""").executeUpdate();
        });
        try (RpcQueueProbe ignored = RpcQueueProbe.on("conductor", json)) {
            for (String name : List.of("web-1", "web-2", "db-1")) {
                given().header("OpenStack-API-Version", "compute 2.79").contentType("application/json")
                        .body(Map.of("server", Map.of("name", name, "flavorRef", "0", "networks", "none",
                                "imageRef", ImageCatalog.idOf("busybox:latest"))))
                        .post("/compute/v2.1/servers").then().statusCode(202);
            }
        }
        assertEquals(List.of("web-1", "web-2"), serverNames("/compute/v2.1/servers?name=^web"));
        assertEquals(List.of("db-1", "web-2"), serverNames("/compute/v2.1/servers/detail?name=^(db-1|web-2)$"));
        assertEquals(List.of("db-1"), serverNames("/compute/v2.1/servers?name=^[a-z]{2}-\\d$"));
        assertEquals(List.of(), serverNames("/compute/v2.1/servers?name=\"<web>\"`"));

        // a character that is no valid regex still reaches the filter as sent, and gets its 400
        Answer invalid = http().send(get("/compute/v2.1/servers?name=web[", NOVA), new byte[0]);
        assertEquals(400, invalid.status());
        assertEquals("Invalid input for query parameters name. Value: web[. 'web[' is not a 'regex'",
                json.readTree(invalid.body()).path("badRequest").path("message").asText());
    }

    private List<String> serverNames(String target) throws Exception {
        Answer answer = http().send(get(target, NOVA), new byte[0]);
        assertEquals(200, answer.status(), target + ": " + answer.body());
        assertTrue(answer.header("X-OpenStack-Request-Id").matches(REQUEST_ID), target);
        return StreamSupport.stream(json.readTree(answer.body()).path("servers").spliterator(), false)
                .map(server -> server.path("name").asText()).sorted().toList();
    }

    @Test
    void rawCharactersAndBytesInAPathAreReadAsEncoded() throws Exception {
        Answer zun = http().send(get("/container/v1/containers/a{b}|c^", ""), new byte[0]);
        assertEquals(404, zun.status());
        JsonNode error = json.readTree(zun.body()).path("errors").path(0);
        assertEquals("container.container-not-found", error.path("code").asText());
        assertTrue(error.path("detail").asText().contains("a{b}|c^"), zun.body());

        // UTF-8 sent unencoded: Netty hands each byte over as one ISO-8859-1 character
        byte[] head = get("/image/v2/images/caf\u00c3\u00a9", "").getBytes(StandardCharsets.ISO_8859_1);
        Answer glance = http().send(head, out -> { });
        assertEquals(404, glance.status());
        assertEquals("404 Not Found\n\nNo image found with ID caf\u00e9\n", glance.body());
        assertTrue(glance.header("X-OpenStack-Request-Id").matches(REQUEST_ID));
    }

    @Test
    void anOverlongRequestLineIsA414InTheFamilysFormat() throws Exception {
        String name = "a".repeat(9_000);
        Answer zun = http().send(get("/container/v1/containers?name=" + name, ""), new byte[0]);
        assertRefused(zun, 414);
        JsonNode error = json.readTree(zun.body()).path("errors").path(0);
        assertEquals("container.request-uri-too-long", error.path("code").asText());
        assertEquals(414, error.path("status").asInt());
        assertTrue(error.path("detail").asText().endsWith("at most 8192 are accepted."), zun.body());

        Answer keystone = http().send(get("/identity/v3/users?name=" + name, ""), new byte[0]);
        assertRefused(keystone, 414);
        assertEquals("Request-URI Too Long", json.readTree(keystone.body()).path("error").path("title").asText());
    }

    @Test
    void oversizedHeadersAreA431InTheFamilysFormat() throws Exception {
        Answer nova = http().send(get("/compute/v2.1/servers", NOVA + "X-Padding: " + "p".repeat(30_000) + "\r\n"),
                new byte[0]);
        assertRefused(nova, 431);
        JsonNode fault = json.readTree(nova.body()).path("computeFault");
        assertEquals(431, fault.path("code").asInt());
        assertTrue(fault.path("message").asText().startsWith("The request headers are 300"), nova.body());
    }

    @Test
    void aDeclaredOversizedBodyIsA413AndTheConnectionIsClosed() throws Exception {
        String head = "POST /compute/v2.1/flavors HTTP/1.1\r\nHost: localhost\r\n" + NOVA
                + "Content-Type: application/json\r\nContent-Length: " + (MAX_BODY + 1) + "\r\n\r\n";
        Answer nova = http().send(head, "{\"flavor\": ".getBytes(StandardCharsets.US_ASCII));
        assertRefused(nova, 413);
        assertEquals("close", nova.header("Connection"));
        assertEquals("The request body is larger than " + MAX_BODY + " bytes.",
                json.readTree(nova.body()).path("overLimit").path("message").asText());
    }

    @Test
    void aChunkedOversizedBodyIsA413InTheFamilysFormat() throws Exception {
        byte[] head = ("POST /container/v1/containers HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        Answer zun = http().send(head, out -> chunks(out, "{\"image\": \"busybox\", \"name\": \"", MAX_BODY + 65_536));
        assertRefused(zun, 413);
        assertEquals("close", zun.header("Connection"));
        JsonNode error = json.readTree(zun.body()).path("errors").path(0);
        assertEquals("container.request-entity-too-large", error.path("code").asText());
        assertEquals("The request body is larger than " + MAX_BODY + " bytes.", error.path("detail").asText());
    }

    /** {@code prefix} and then {@code x}s, {@code total} bytes in all, in 64 KiB chunks. */
    private static void chunks(OutputStream out, String prefix, int total) {
        byte[] filler = "x".repeat(65_536).getBytes(StandardCharsets.US_ASCII);
        RawHttp.write(out, chunk(prefix.getBytes(StandardCharsets.US_ASCII)));
        for (int sent = prefix.length(); sent < total; sent += filler.length) {
            RawHttp.write(out, chunk(filler));
        }
        RawHttp.write(out, "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] chunk(byte[] data) {
        byte[] size = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[size.length + data.length + 2];
        System.arraycopy(size, 0, out, 0, size.length);
        System.arraycopy(data, 0, out, size.length, data.length);
        out[out.length - 2] = '\r';
        out[out.length - 1] = '\n';
        return out;
    }

    @Test
    void aMalformedChunkLeavesNoErrorAndNoStackTrace() throws Exception {
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (records) {
                    records.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            byte[] head = ("POST /compute/v2.1/flavors HTTP/1.1\r\nHost: localhost\r\n" + NOVA
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            // Vert.x closes the connection on a chunk it cannot parse: there is no answer to assert
            http().send(head, out -> RawHttp.write(out, "zz\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            long deadline = System.currentTimeMillis() + 5_000;
            while (snapshot(records).stream().noneMatch(r -> text(r).contains("could not be read"))
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            root.removeHandler(capture);
        }
        List<LogRecord> logged = snapshot(records);
        List<LogRecord> about = logged.stream().filter(r -> text(r).contains("could not be read")).toList();
        // whether the request reaches the body reader before Vert.x closes the connection is a race:
        // when it does, it leaves one INFO line; either way, no error and no stack trace
        assertTrue(about.size() <= 1, "at most one line about the unreadable body: " + messages(logged));
        assertTrue(about.stream().allMatch(r -> r.getLevel().intValue() == Level.INFO.intValue()),
                "logged at INFO: " + messages(logged));
        assertTrue(logged.stream().noneMatch(r -> r.getThrown() != null || r.getLevel().intValue() >= Level.SEVERE
                .intValue()), "no error and no stack trace: " + messages(logged));

        // and the service answers the next request as ever
        given().header("OpenStack-API-Version", "compute 2.79").get("/compute/v2.1/flavors").then().statusCode(200);
    }

    private static List<LogRecord> snapshot(List<LogRecord> records) {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    private static List<String> messages(List<LogRecord> records) {
        return records.stream().map(r -> r.getLevel() + " " + text(r)).toList();
    }

    /** JBoss log records keep the format and its parameters apart. */
    private static String text(LogRecord record) {
        return record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : String.valueOf(record.getMessage());
    }

    @Test
    void pastVertxOwnCeilingsVertxStillRefuses() throws Exception {
        // quarkus.http.limits.*: Vert.x answers these before any route, so without a body or request id
        assertEquals(414, http().send(get("/compute/v2.1/servers?name=" + "a".repeat(70_000), NOVA),
                new byte[0]).status());
        assertEquals(431, http().send(get("/compute/v2.1/servers", "X-Padding: " + "p".repeat(70_000) + "\r\n"),
                new byte[0]).status());
        assertEquals(400, http().send("NOT-HTTP\r\n\r\n", new byte[0]).status());
    }

    private static void assertRefused(Answer answer, int status) {
        assertEquals(status, answer.status(), answer.body());
        assertTrue(answer.header("X-OpenStack-Request-Id").matches(REQUEST_ID), answer.headers().toString());
        assertTrue(answer.header("Content-Type").startsWith("application/json"), answer.headers().toString());
    }
}
