package io.windlass.agent.driver.docker;

import io.windlass.workload.WorkloadLog;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The end of a log as it streams in, at most {@code limit} bytes of it: a log with no tail asked
 * can be as long as the workload's life, and its answer travels in one RPC message. What is kept
 * starts on a line boundary when the head had to go. Bytes are decoded once, at the end, so a
 * character split between two engine frames is decoded whole.
 */
final class BoundedLog {
    private final int limit;
    private final Deque<byte[]> chunks = new ArrayDeque<>();
    private long size;
    private boolean dropped;
    /** The byte just before what is kept, once the head went: a newline there means no line was cut. */
    private byte lastDropped;

    BoundedLog(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        this.limit = limit;
    }

    void append(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return;
        }
        chunks.addLast(bytes);
        size += bytes.length;
        // whole chunks that lie entirely before the last `limit` bytes are never needed again
        while (size - chunks.peekFirst().length >= limit) {
            byte[] first = chunks.removeFirst();
            size -= first.length;
            lastDropped = first[first.length - 1];
            dropped = true;
        }
    }

    WorkloadLog toLog() {
        ByteArrayOutputStream joined = new ByteArrayOutputStream((int) Math.min(size, limit));
        chunks.forEach(joined::writeBytes);
        byte[] all = joined.toByteArray();
        int start = (int) Math.max(0, size - limit);
        boolean truncated = dropped || start > 0;
        boolean lineCut = start > 0 ? all[start - 1] != '\n' : dropped && lastDropped != '\n';
        if (lineCut) {
            // drop the partial first line (and any character cut in two with it)
            int newline = indexOf(all, (byte) '\n', start);
            start = newline < 0 ? start : newline + 1;
        }
        return new WorkloadLog(new String(all, start, all.length - start, StandardCharsets.UTF_8), truncated);
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
