package io.windlass.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Tar archives made in a test, byte for byte as tar writers make them (POSIX ustar). */
public final class TestTars {
    private TestTars() {
    }

    /** One entry: a header block, then the content padded to whole blocks; no end blocks. */
    public static byte[] entry(String name, byte[] content) {
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, "0000644\0");
        put(header, 124, String.format("%011o\0", content.length));
        put(header, 136, "00000000000\0");
        header[156] = '0';
        put(header, 257, "ustar\0");
        put(header, 263, "00");
        Arrays.fill(header, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xFF;
        }
        put(header, 148, String.format("%06o\0 ", sum));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        out.writeBytes(content);
        out.writeBytes(new byte[(512 - content.length % 512) % 512]);
        return out.toByteArray();
    }

    /** A whole archive of one file, with the two end blocks. */
    public static byte[] archive(String name, String content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(entry(name, content.getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    private static void put(byte[] block, int at, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, block, at, bytes.length);
    }
}
