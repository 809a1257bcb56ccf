package io.windlass.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * A tiny OpenTelemetry collector for system tests: accepts OTLP/HTTP trace exports
 * ({@code POST /v1/traces}, protobuf, as the services' exporter sends them with
 * {@code quarkus.otel.exporter.otlp.traces.protocol=http/protobuf}) on 127.0.0.1 and keeps every span.
 * Only the fields a test asserts are decoded (service, ids, name, kind, string-ish attributes); the
 * rest of each message is skipped by its wire type.
 * <p>
 * Register it before the {@link WindlassSystem} of a test class, so that it is closed after the
 * services stopped (and sent their last spans):
 * {@code @RegisterExtension static final OtlpCollector collector = OtlpCollector.start();}
 */
public final class OtlpCollector implements AfterAllCallback, AutoCloseable {
    public static final String TRACES_PATH = "/v1/traces";

    /** A span kind as OTLP numbers it. */
    public enum Kind { UNSPECIFIED, INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER }

    /**
     * One span as received.
     *
     * @param service      the exporting service's {@code service.name}
     * @param traceId      hex, 32 characters
     * @param spanId       hex, 16 characters
     * @param parentSpanId hex, empty for a root span
     */
    public record CollectedSpan(String service, String traceId, String spanId, String parentSpanId, String name,
                                Kind kind, Map<String, String> attributes) {
        public String attribute(String key) {
            return attributes.get(key);
        }
    }

    private final HttpServer server;
    private final List<CollectedSpan> spans = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();

    private OtlpCollector(HttpServer server) {
        this.server = server;
    }

    /** Listens on a free loopback port. */
    public static OtlpCollector start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            OtlpCollector collector = new OtlpCollector(server);
            server.createContext(TRACES_PATH, collector::receive);
            server.start();
            return collector;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the OTLP collector", e);
        }
    }

    /** What the services' {@code quarkus.otel.exporter.otlp.traces.endpoint} is set to (the exporter adds the path). */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<CollectedSpan> spans() {
        return List.copyOf(spans);
    }

    /** Exports that could not be decoded: a test should find none. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** The first span matching {@code which}, waiting for the services' batches to arrive. */
    public CollectedSpan await(String description, Predicate<CollectedSpan> which) {
        return new Poller(Duration.ofSeconds(30), Duration.ofMillis(100)).until(description,
                () -> spans.stream().filter(which).findFirst().orElse(null), found -> found != null);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body;
            try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            try {
                spans.addAll(decodeTraces(body));
            } catch (RuntimeException e) {
                failures.add(e.toString());
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            // an empty ExportTraceServiceResponse: everything accepted
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The spans of one {@code ExportTraceServiceRequest} (opentelemetry/proto/collector/trace/v1). */
    static List<CollectedSpan> decodeTraces(byte[] request) {
        List<CollectedSpan> decoded = new ArrayList<>();
        Proto message = new Proto(request);
        while (message.next()) {
            if (message.field() == 1) {
                resourceSpans(message.message(), decoded);
            } else {
                message.skip();
            }
        }
        return decoded;
    }

    /** ResourceSpans: resource = 1, scope_spans = 2. */
    private static void resourceSpans(Proto resourceSpans, List<CollectedSpan> into) {
        String service = "";
        List<Proto> scopes = new ArrayList<>();
        while (resourceSpans.next()) {
            switch (resourceSpans.field()) {
                case 1 -> service = attributes(resourceSpans.message(), 1).getOrDefault("service.name", "");
                case 2 -> scopes.add(resourceSpans.message());
                default -> resourceSpans.skip();
            }
        }
        for (Proto scope : scopes) {
            // ScopeSpans: spans = 2
            while (scope.next()) {
                if (scope.field() == 2) {
                    into.add(span(service, scope.message()));
                } else {
                    scope.skip();
                }
            }
        }
    }

    /** Span: trace_id 1, span_id 2, parent_span_id 4, name 5, kind 6, attributes 9. */
    private static CollectedSpan span(String service, Proto span) {
        HexFormat hex = HexFormat.of();
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        Kind kind = Kind.UNSPECIFIED;
        Map<String, String> attributes = new LinkedHashMap<>();
        while (span.next()) {
            switch (span.field()) {
                case 1 -> traceId = hex.formatHex(span.bytes());
                case 2 -> spanId = hex.formatHex(span.bytes());
                case 4 -> parent = hex.formatHex(span.bytes());
                case 5 -> name = span.string();
                case 6 -> {
                    long k = span.varint();
                    kind = k >= 0 && k < Kind.values().length ? Kind.values()[(int) k] : Kind.UNSPECIFIED;
                }
                case 9 -> attributes.putAll(keyValue(span.message()));
                default -> span.skip();
            }
        }
        return new CollectedSpan(service, traceId, spanId, parent, name, kind, Map.copyOf(attributes));
    }

    /** The KeyValue attributes in field {@code field} of {@code message} (a Resource's are field 1). */
    private static Map<String, String> attributes(Proto message, int field) {
        Map<String, String> attributes = new LinkedHashMap<>();
        while (message.next()) {
            if (message.field() == field) {
                attributes.putAll(keyValue(message.message()));
            } else {
                message.skip();
            }
        }
        return attributes;
    }

    /** KeyValue: key 1, value 2 (AnyValue: string 1, bool 2, int 3, double 4; others are not decoded). */
    private static Map<String, String> keyValue(Proto keyValue) {
        String key = null;
        String value = null;
        while (keyValue.next()) {
            if (keyValue.field() == 1) {
                key = keyValue.string();
            } else if (keyValue.field() == 2) {
                Proto any = keyValue.message();
                while (any.next()) {
                    switch (any.field()) {
                        case 1 -> value = any.string();
                        case 2 -> value = Boolean.toString(any.varint() != 0);
                        case 3 -> value = Long.toString(any.varint());
                        case 4 -> value = Double.toString(Double.longBitsToDouble(any.fixed64()));
                        default -> any.skip();
                    }
                }
            } else {
                keyValue.skip();
            }
        }
        return key == null || value == null ? Map.of() : Map.of(key, value);
    }

    /** Reads protobuf's wire format: a field's tag, then its value by wire type. */
    static final class Proto {
        private final byte[] data;
        private int pos;
        private final int end;
        private int tag;

        Proto(byte[] data) {
            this(data, 0, data.length);
        }

        private Proto(byte[] data, int from, int end) {
            this.data = data;
            this.pos = from;
            this.end = end;
        }

        /** Moves to the next field; false at the end of the message. */
        boolean next() {
            if (pos >= end) {
                return false;
            }
            tag = (int) varint();
            return true;
        }

        int field() {
            return tag >>> 3;
        }

        private int wireType() {
            return tag & 7;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = read();
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("malformed varint at " + pos);
        }

        long fixed64() {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value |= (long) (read() & 0xff) << (8 * i);
            }
            return value;
        }

        byte[] bytes() {
            int length = length();
            byte[] value = Arrays.copyOfRange(data, pos, pos + length);
            pos += length;
            return value;
        }

        String string() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }

        /** The embedded message this length-delimited field holds. */
        Proto message() {
            int length = length();
            Proto inner = new Proto(data, pos, pos + length);
            pos += length;
            return inner;
        }

        void skip() {
            switch (wireType()) {
                case 0 -> varint();
                case 1 -> pos += 8;
                case 2 -> {
                    // not "pos += length()": that would add to pos as it was before the length's own bytes
                    int length = length();
                    pos += length;
                }
                case 5 -> pos += 4;
                default -> throw new IllegalArgumentException("unsupported wire type " + wireType() + " at " + pos);
            }
            if (pos > end) {
                throw new IllegalArgumentException("field runs past its message");
            }
        }

        private int length() {
            long length = varint();
            if (length < 0 || pos + length > end) {
                throw new IllegalArgumentException("length " + length + " runs past its message");
            }
            return (int) length;
        }

        private byte read() {
            if (pos >= end) {
                throw new IllegalArgumentException("message ends inside a field");
            }
            return data[pos++];
        }
    }

    /** For a test's failure message: the spans of one trace, one a line. */
    public String describe(String traceId) {
        StringBuilder text = new StringBuilder();
        spans.stream().filter(s -> s.traceId().equals(traceId)).forEach(s -> text.append(String.format(
                "%n  %s %s %s (%s) parent=%s %s", s.service(), s.kind(), s.name(), s.spanId(), s.parentSpanId(),
                s.attributes())));
        return text.length() == 0 ? " none" : text.toString();
    }
}
