package io.windlass.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * HTTP/1.1 over a plain socket, for requests that an HTTP client would encode, fix or refuse to
 * send: raw {@code ^} or bytes beyond ASCII in a target, oversized heads, broken chunked bodies.
 * The request bytes go out exactly as given.
 */
public final class RawHttp {
    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** The answer; {@code status} is 0 when the server closed the connection without one. */
    public record Answer(int status, Map<String, String> headers, String body) {

        /** A header by case-insensitive name, or null. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Sends {@code head} (request line and headers, ending in an empty line) and {@code body}. */
    public Answer send(String head, byte[] body) throws IOException {
        return send(head.getBytes(StandardCharsets.ISO_8859_1), out -> write(out, body));
    }

    /**
     * Sends {@code head} and then whatever {@code body} writes, from a thread of its own: the answer
     * is read while the body is still going out, as a server may answer (and close) before its end.
     */
    public Answer send(byte[] head, Consumer<OutputStream> body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            out.flush();
            Thread writer = Thread.ofVirtual().start(() -> body.accept(out));
            try {
                return read(socket.getInputStream());
            } finally {
                writer.interrupt();
            }
        }
    }

    /** Writes {@code bytes}, ignoring a connection the server has closed. */
    public static void write(OutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException serverClosed) {
            // the server answered without reading everything: what it answered is the point
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return new Answer(0, Map.of(), headBytes.toString(StandardCharsets.ISO_8859_1));
            }
            headBytes.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = headBytes.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            headers.put(name, lines[i].substring(colon + 1).trim());
        }
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        if (status == 100) {
            return read(in);
        }
        String length = headers.get("content-length");
        byte[] body = length == null ? in.readAllBytes() : in.readNBytes(Integer.parseInt(length));
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }
}
