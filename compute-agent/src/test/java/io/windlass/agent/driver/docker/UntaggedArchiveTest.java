package io.windlass.agent.driver.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The names an uploaded archive carries, taken out; its layers copied byte for byte. */
class UntaggedArchiveTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theArchivesNamesGoAndEverythingElseStays() throws IOException {
        byte[] layer = new byte[70_000];
        for (int i = 0; i < layer.length; i++) {
            layer[i] = (byte) (i * 31);
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("0123abcd/layer.tar", layer);
        entries.put("0123abcd.json", "{\"config\":{}}".getBytes(StandardCharsets.UTF_8));
        entries.put("manifest.json", "[{\"Config\":\"0123abcd.json\",\"RepoTags\":[\"busybox:latest\"],\"Layers\":[\"0123abcd/layer.tar\"]}]"
                .getBytes(StandardCharsets.UTF_8));
        entries.put("repositories", "{\"busybox\":{\"latest\":\"0123abcd\"}}".getBytes(StandardCharsets.UTF_8));
        entries.put("index.json", ("{\"schemaVersion\":2,\"manifests\":[{\"digest\":\"sha256:00\",\"annotations\":"
                + "{\"io.containerd.image.name\":\"docker.io/library/busybox:latest\"}}]}").getBytes(StandardCharsets.UTF_8));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        UntaggedArchive.copy(new ByteArrayInputStream(tar(entries)), out);
        Map<String, byte[]> copied = untar(out.toByteArray());

        assertFalse(copied.containsKey("repositories"));
        assertArrayEquals(layer, copied.get("0123abcd/layer.tar"));
        assertArrayEquals(entries.get("0123abcd.json"), copied.get("0123abcd.json"));
        JsonNode manifest = JSON.readTree(copied.get("manifest.json"));
        assertTrue(manifest.get(0).get("RepoTags").isNull(), manifest.toString());
        assertEquals("0123abcd/layer.tar", manifest.get(0).get("Layers").get(0).asText());
        JsonNode index = JSON.readTree(copied.get("index.json"));
        assertFalse(index.get("manifests").get(0).has("annotations"), index.toString());
        assertEquals("sha256:00", index.get("manifests").get(0).get("digest").asText());
    }

    private static byte[] tar(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static Map<String, byte[]> untar(byte[] archive) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(archive))) {
            for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
