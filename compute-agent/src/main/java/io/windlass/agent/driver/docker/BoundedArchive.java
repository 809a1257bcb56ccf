package io.windlass.agent.driver.docker;

import io.windlass.agent.container.ArchiveTooLargeException;

import java.io.IOException;
import java.io.InputStream;

/**
 * An archive read whole from the engine, up to a limit: it travels in one RPC answer, so one past
 * the limit is refused after at most {@code limit + 1} bytes were read, not cut (a cut tar is no tar).
 */
final class BoundedArchive {

    private BoundedArchive() {
    }

    /** @throws ArchiveTooLargeException when the stream holds more than {@code limit} bytes */
    static byte[] read(InputStream in, int limit, String path) throws IOException {
        byte[] data = in.readNBytes(limit);
        if (in.read() != -1) {
            throw new ArchiveTooLargeException("The archive of " + path + " is larger than " + limit
                    + " bytes, the most copied out of a container in one request.");
        }
        return data;
    }
}
