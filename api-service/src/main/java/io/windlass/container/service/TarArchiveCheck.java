package io.windlass.container.service;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Whether the bytes of a {@code put_archive} are a tar archive, read the way the engine's extractor
 * (Go's {@code archive/tar}) walks one: 512-byte headers, each with its checksum, followed by its
 * content rounded up to whole blocks, until a block of zeros or the end. Checked before anything is
 * sent, so that a user's mistake is Zun's 400 rather than the engine's failure, and nothing of it
 * reaches the container. No bytes at all is an empty archive, as the engine takes it.
 */
final class TarArchiveCheck {
    private static final int BLOCK = 512;

    private TarArchiveCheck() {
    }

    /** @return why the bytes are no tar archive, or empty when they are one */
    static Optional<String> problem(byte[] data) {
        int offset = 0;
        while (offset < data.length) {
            if (data.length - offset < BLOCK) {
                return Optional.of("it ends inside a header");
            }
            if (zeros(data, offset)) {
                return Optional.empty();
            }
            Long checksum = octal(data, offset + 148, 8);
            if (checksum == null || checksum != sum(data, offset)) {
                return Optional.of("the header at byte " + offset + " has no valid checksum");
            }
            Long size = size(data, offset);
            if (size == null) {
                return Optional.of("the header at byte " + offset + " has no valid size");
            }
            long next = offset + BLOCK + (size + BLOCK - 1) / BLOCK * BLOCK;
            if (offset + BLOCK + size > data.length) {
                return Optional.of("it ends inside the content of the entry at byte " + offset);
            }
            offset = (int) Math.min(next, data.length);
        }
        return Optional.empty();
    }

    private static boolean zeros(byte[] data, int offset) {
        for (int i = offset; i < offset + BLOCK; i++) {
            if (data[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** The header's bytes summed unsigned, its checksum field counted as spaces (POSIX ustar). */
    private static long sum(byte[] data, int offset) {
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : data[offset + i] & 0xFF;
        }
        return sum;
    }

    /** The size field: octal text, or GNU's base-256 when its first byte has the high bit set. */
    private static Long size(byte[] data, int offset) {
        if ((data[offset + 124] & 0x80) != 0) {
            long size = data[offset + 124] & 0x7F;
            for (int i = 125; i < 136; i++) {
                size = (size << 8) | (data[offset + i] & 0xFF);
            }
            return size < 0 ? null : size;
        }
        return octal(data, offset + 124, 12);
    }

    /** An octal number padded with spaces or NULs, as tar writers write them; null when it is none. */
    private static Long octal(byte[] data, int from, int length) {
        String text = new String(data, from, length, StandardCharsets.ISO_8859_1).replace('\0', ' ').strip();
        if (text.isEmpty() || !text.matches("[0-7]+") || text.length() > 21) {
            return null;
        }
        return Long.parseLong(text, 8);
    }
}
