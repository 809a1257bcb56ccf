package io.windlass.agent.driver.docker;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The tar archive that makes a server's key root's authorized key: {@code .ssh/} (0700) and
 * {@code .ssh/authorized_keys} (0600), both owned by root, to be unpacked into root's home
 * directory. sshd refuses keys in a group- or world-writable place, hence the modes; the file
 * carries the one key, so a redelivered spawn writes the same file.
 */
final class AuthorizedKeysArchive {
    private AuthorizedKeysArchive() {
    }

    static byte[] of(String publicKey) {
        byte[] content = (publicKey.strip() + "\n").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            TarArchiveEntry dir = new TarArchiveEntry(".ssh/");
            dir.setMode(040700);
            rootOwned(dir);
            tar.putArchiveEntry(dir);
            tar.closeArchiveEntry();
            TarArchiveEntry file = new TarArchiveEntry(".ssh/authorized_keys");
            file.setMode(0100600);
            file.setSize(content.length);
            rootOwned(file);
            tar.putArchiveEntry(file);
            tar.write(content);
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build an in-memory tar", e);
        }
        return out.toByteArray();
    }

    private static void rootOwned(TarArchiveEntry entry) {
        entry.setIds(0, 0);
        entry.setNames("root", "root");
    }
}
