package io.windlass.container.api;

import io.windlass.console.ConsoleStream;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A followed log on its way to the HTTP client: the host's bytes queue up as they come and are
 * written (and flushed, one chunk each) by the response's writer, which also notices when the
 * client has gone, even while the log is quiet, and then ends the session.
 */
final class FollowedLog implements ConsoleStream.Listener {
    private static final byte[] END = new byte[0];
    /** How soon a client that went during a quiet log is noticed. */
    private static final long CHECK_MILLIS = 500;

    private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private volatile ConsoleStream stream;

    void start(ConsoleStream session) {
        this.stream = session;
    }

    @Override
    public void onData(byte[] data) {
        chunks.add(data);
    }

    @Override
    public void onEnd(String reason) {
        chunks.add(END);
    }

    /** Writes until the log ends or the client goes; the session is over when this returns. */
    void copyTo(OutputStream out, BooleanSupplier clientGone) throws IOException {
        try {
            while (true) {
                byte[] chunk = chunks.poll(CHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (chunk == END) {
                    return;
                }
                if (chunk != null) {
                    out.write(chunk);
                    out.flush();
                } else if (clientGone.getAsBoolean()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stream.end("the client stopped following the log");
        }
    }
}
