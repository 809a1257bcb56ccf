package io.windlass.agent.driver.docker;

import io.windlass.agent.container.ArchiveTooLargeException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BoundedArchiveTest {

    @Test
    void anArchiveUpToTheLimitIsReadWhole() throws IOException {
        byte[] tar = new byte[2048];
        tar[0] = 'h';
        assertArrayEquals(tar, BoundedArchive.read(new ByteArrayInputStream(tar), 2048, "/etc/hostname"));
        assertArrayEquals(new byte[0], BoundedArchive.read(new ByteArrayInputStream(new byte[0]), 1, "/empty"));
    }

    @Test
    void oneByteMoreIsRefusedNotCut() {
        ByteArrayInputStream in = new ByteArrayInputStream(new byte[10_000]);
        ArchiveTooLargeException e = assertThrows(ArchiveTooLargeException.class,
                () -> BoundedArchive.read(in, 2048, "/usr"));
        assertEquals("The archive of /usr is larger than 2048 bytes, the most copied out of a container in one"
                + " request.", e.getMessage());
        // it stopped reading just past the limit
        assertEquals(10_000 - 2049, in.available());
    }
}
