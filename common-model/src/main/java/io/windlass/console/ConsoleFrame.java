package io.windlass.console;

import com.rabbitmq.client.AMQP;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * One message of a console session's byte stream over RabbitMQ: bytes of the terminal, or the end
 * of the session with its reason. The kind travels as the message's AMQP {@code type}, the bytes as
 * its body unchanged (no JSON: a terminal's bytes are not text), the reason as a header.
 *
 * @param data   the bytes ({@link Kind#DATA}); empty for an end
 * @param reason why the session ended ({@link Kind#END}); null for data
 */
public record ConsoleFrame(Kind kind, byte[] data, String reason) {
    static final String REASON_HEADER = "x-windlass-reason";

    /** What a frame carries. */
    public enum Kind {
        /** Bytes for the other end's terminal (or the process's stdin). */
        DATA,
        /** The sender has gone: the session is over. */
        END
    }

    public ConsoleFrame {
        Objects.requireNonNull(kind, "kind");
        data = data == null ? new byte[0] : data;
    }

    public static ConsoleFrame data(byte[] bytes) {
        return new ConsoleFrame(Kind.DATA, bytes, null);
    }

    public static ConsoleFrame end(String reason) {
        return new ConsoleFrame(Kind.END, null, reason);
    }

    /** The message's properties: not persistent (a session does not outlive the broker). */
    public AMQP.BasicProperties properties() {
        AMQP.BasicProperties.Builder props = new AMQP.BasicProperties.Builder()
                .type(kind.name().toLowerCase()).deliveryMode(1);
        if (reason != null) {
            props.headers(Map.of(REASON_HEADER, reason));
        }
        return props.build();
    }

    /**
     * The frame a message carries. A message of an unknown type (a newer peer's) ends nothing and is
     * read as no bytes, so that an older end ignores what it does not know.
     */
    public static ConsoleFrame of(AMQP.BasicProperties props, byte[] body) {
        String type = props == null ? null : props.getType();
        if ("end".equals(type)) {
            Object reason = props.getHeaders() == null ? null : props.getHeaders().get(REASON_HEADER);
            return end(reason == null ? "ended" : reason.toString());
        }
        return data("data".equals(type) ? body : new byte[0]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConsoleFrame f && kind == f.kind && Arrays.equals(data, f.data)
                && Objects.equals(reason, f.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, Arrays.hashCode(data), reason);
    }

    @Override
    public String toString() {
        return kind == Kind.END ? "END(" + reason + ")" : "DATA(" + data.length + " bytes)";
    }
}
