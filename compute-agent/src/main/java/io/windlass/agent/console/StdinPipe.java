package io.windlass.agent.console;

import java.io.InputStream;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The stdin the engine reads for a console: what the session's consumer {@link #offer}s, read in
 * order by the engine client's writer thread, end of stream once {@link #close}d. Not a
 * {@link java.io.PipedInputStream}: that one fails reads once the writing thread has ended, and the
 * writers here are pool threads of the broker client.
 */
public final class StdinPipe extends InputStream {
    private static final byte[] EOF = new byte[0];

    private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private byte[] current = new byte[0];
    private int position;
    private volatile boolean closed;

    public void offer(byte[] bytes) {
        if (!closed && bytes.length > 0) {
            chunks.add(bytes.clone());
        }
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (position == current.length) {
            if (current == EOF) {
                return -1;
            }
            try {
                current = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
            position = 0;
            if (current == EOF) {
                return -1;
            }
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return current.length - position;
    }

    /** The reader sees the end of the stream after what was offered before. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            chunks.add(EOF);
        }
    }
}
