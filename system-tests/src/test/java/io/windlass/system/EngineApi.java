package io.windlass.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The machine's Docker engine spoken to directly over its socket, one HTTP/1.1 request per
 * connection: a baseline without the {@code docker} CLI, whose own start-up (a Go program that
 * reads its configuration and negotiates the API version) is part of every raw {@code docker run}
 * and {@code docker inspect} the benchmarks time (about 70 ms each on the 2-core machine).
 */
public final class EngineApi {
    private static final String API = "/v1.41";

    private final Path socket;
    private final ObjectMapper json = new ObjectMapper();

    public EngineApi(Path socket) {
        this.socket = socket;
    }

    /** The machine's own engine. */
    public EngineApi() {
        this(Path.of("/var/run/docker.sock"));
    }

    /** {@code POST /containers/create}: the new container's id. */
    public String create(Map<String, ?> config) {
        return json(send("POST", API + "/containers/create", config, 201)).path("Id").asText();
    }

    /** {@code POST /containers/{id}/start}: returns once the engine has started it. */
    public void start(String id) {
        send("POST", API + "/containers/" + id + "/start", null, 204);
    }

    private JsonNode json(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the answer's body (the engine answers these requests with a length, not in chunks) */
    private String send(String method, String path, Object body, int expected) {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            byte[] content = body == null ? new byte[0] : json.writeValueAsBytes(body);
            String head = method + " " + path + " HTTP/1.1\r\nHost: docker\r\nConnection: close\r\n"
                    + (body == null ? "" : "Content-Type: application/json\r\n")
                    + "Content-Length: " + content.length + "\r\n\r\n";
            channel.write(ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)));
            channel.write(ByteBuffer.wrap(content));
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            while (channel.read(buffer) >= 0) {
                answer.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            String text = answer.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            String rest = text.substring(text.indexOf("\r\n\r\n") + 4);
            if (status != expected) {
                throw new AssertionError(method + " " + path + " answered " + status + ": " + rest);
            }
            return rest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
