package io.windlass.agent.driver.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A {@code docker save} archive with the names it carries taken out, so that loading it adds one
 * untagged image and names nothing else. The archive is a tenant's upload: left as it is, an
 * archive tagged {@code busybox:latest} would take that name over on the host, for every project's
 * workloads. Dropped: the {@code repositories} file and each image's {@code RepoTags} in
 * {@code manifest.json} (the legacy format); the names in {@code index.json}'s annotations (the OCI
 * layout newer engines write). Everything else is copied as it is, entry by entry, as it streams.
 */
final class UntaggedArchive {
    private static final ObjectMapper JSON = new ObjectMapper();

    private UntaggedArchive() {
    }

    static void copy(InputStream archive, OutputStream out) throws IOException {
        TarArchiveInputStream in = new TarArchiveInputStream(archive);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        for (TarArchiveEntry entry; (entry = in.getNextEntry()) != null; ) {
            String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
            if (name.equals("repositories")) {
                continue;
            }
            if (name.equals("manifest.json") || name.equals("index.json")) {
                byte[] rewritten = JSON.writeValueAsBytes(untagged(JSON.readTree(in.readAllBytes())));
                TarArchiveEntry copy = new TarArchiveEntry(entry.getName());
                copy.setSize(rewritten.length);
                copy.setModTime(entry.getModTime());
                copy.setMode(entry.getMode());
                tar.putArchiveEntry(copy);
                tar.write(rewritten);
            } else {
                tar.putArchiveEntry(entry);
                in.transferTo(tar);
            }
            tar.closeArchiveEntry();
        }
        tar.finish();
        tar.flush();
    }

    /** {@code manifest.json}: an array of images, each with its {@code RepoTags}; {@code index.json}: annotated manifests. */
    static JsonNode untagged(JsonNode document) {
        if (document instanceof ArrayNode images) {
            images.forEach(image -> {
                if (image instanceof ObjectNode o) {
                    o.putNull("RepoTags");
                }
            });
        } else if (document instanceof ObjectNode index) {
            index.remove("annotations");
            index.path("manifests").forEach(manifest -> {
                if (manifest instanceof ObjectNode o) {
                    o.remove("annotations");
                }
            });
        }
        return document;
    }
}
