package io.windlass.container.service;

import io.windlass.testing.TestTars;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TarArchiveCheckTest {

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void archivesAsTarWritersEndThemAreTars() {
        byte[] one = TestTars.entry("hello.txt", "copied-in\n".getBytes(StandardCharsets.UTF_8));
        byte[] two = TestTars.entry("big.bin", new byte[1300]);
        assertEquals(Optional.empty(), TarArchiveCheck.problem(concat(one, two, new byte[1024])), "end blocks");
        assertEquals(Optional.empty(), TarArchiveCheck.problem(concat(one, two, new byte[10240 - 3072])),
                "padded to a 10 KiB record, as Python's tarfile does");
        assertEquals(Optional.empty(), TarArchiveCheck.problem(one), "no end blocks at all");
        assertEquals(Optional.empty(), TarArchiveCheck.problem(new byte[0]), "nothing: an empty archive");
    }

    @Test
    void whatIsNoTarSaysWhy() {
        assertEquals(Optional.of("it ends inside a header"),
                TarArchiveCheck.problem("not a tar".getBytes(StandardCharsets.US_ASCII)));
        byte[] text = new byte[1024];
        Arrays.fill(text, (byte) 'x');
        assertEquals(Optional.of("the header at byte 0 has no valid checksum"), TarArchiveCheck.problem(text));
        byte[] damaged = TestTars.entry("hello.txt", "copied-in\n".getBytes(StandardCharsets.UTF_8));
        damaged[0] = 'j';
        assertEquals(Optional.of("the header at byte 0 has no valid checksum"), TarArchiveCheck.problem(damaged));
        byte[] cut = Arrays.copyOf(TestTars.entry("big.bin", new byte[1300]), 1024);
        assertTrue(TarArchiveCheck.problem(cut).orElseThrow().startsWith("it ends inside the content"));
    }
}
