package io.windlass.agent.server;

import io.windlass.server.InjectedFile;
import io.windlass.server.ServerSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigDriveBuilderTest {
    private static final String UUID = "5a4e5c9e-1d2b-4c3a-9f8e-7d6c5b4a3f21";

    @TempDir
    Path root;

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static ServerSpec spec(String userData, List<InjectedFile> files) {
        return new ServerSpec(UUID, "web-1", "web-1", "busybox:latest", 1, 128, 1,
                Map.of("role", "web", "env", "test"), "project-1", "user-1", "nova", 0, "r-abc123", userData, files, "auto");
    }

    @Test
    void writesNovasMetaDataNetworkDataUserDataAndFiles() throws Exception {
        Path dir = new ConfigDriveBuilder(root).build(spec(b64("#!/bin/sh\necho hi\n"),
                List.of(new InjectedFile("/etc/motd", b64("hello\n")), new InjectedFile("/root/x", b64("x")))));

        assertEquals(root.resolve(UUID), dir);
        assertEquals("{\"uuid\":\"" + UUID + "\",\"name\":\"web-1\",\"hostname\":\"web-1\","
                        + "\"availability_zone\":\"nova\",\"project_id\":\"project-1\",\"launch_index\":0,"
                        + "\"meta\":{\"env\":\"test\",\"role\":\"web\"},"
                        + "\"files\":[{\"path\":\"/etc/motd\",\"content_path\":\"/content/0000\"},"
                        + "{\"path\":\"/root/x\",\"content_path\":\"/content/0001\"}],"
                        + "\"public_keys\":{},\"devices\":[]}",
                Files.readString(dir.resolve("openstack/latest/meta_data.json")));
        assertEquals("{\"links\":[],\"networks\":[],\"services\":[]}",
                Files.readString(dir.resolve("openstack/latest/network_data.json")));
        assertEquals("#!/bin/sh\necho hi\n", Files.readString(dir.resolve("openstack/latest/user_data")));
        assertEquals("hello\n", Files.readString(dir.resolve("openstack/content/0000")));
        assertEquals("x", Files.readString(dir.resolve("openstack/content/0001")));
    }

    @Test
    void withoutUserDataOrFilesThereIsNoUserDataFileAndNoContent() throws Exception {
        Path dir = new ConfigDriveBuilder(root).build(spec(null, List.of()));

        assertFalse(Files.exists(dir.resolve("openstack/latest/user_data")));
        assertFalse(Files.exists(dir.resolve("openstack/content")));
        assertTrue(Files.readString(dir.resolve("openstack/latest/meta_data.json"))
                .endsWith("\"files\":[],\"public_keys\":{},\"devices\":[]}"));
    }

    @Test
    void binaryUserDataIsWrittenAsDecodedBytesAndLineBrokenBase64IsAccepted() throws Exception {
        byte[] gzip = {0x1f, (byte) 0x8b, 0x08, 0x00, (byte) 0xff, 0x00};
        String wrapped = Base64.getMimeEncoder(4, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(gzip);
        Path dir = new ConfigDriveBuilder(root).build(spec(wrapped, List.of()));

        assertArrayEquals(gzip, Files.readAllBytes(dir.resolve("openstack/latest/user_data")));
    }

    @Test
    void aRebuildReplacesTheOldTreeAndRemoveDeletesIt() throws Exception {
        ConfigDriveBuilder builder = new ConfigDriveBuilder(root);
        Path dir = builder.build(spec(b64("one"), List.of(new InjectedFile("/a", b64("a")))));
        builder.build(spec(null, List.of()));

        assertFalse(Files.exists(dir.resolve("openstack/latest/user_data")), "stale user_data left behind");
        assertFalse(Files.exists(dir.resolve("openstack/content/0000")), "stale personality file left behind");

        builder.remove(UUID);
        assertFalse(Files.exists(dir));
        builder.remove(UUID); // nothing left: no error
    }

    @Test
    void orphanedDrivesGoOnceOldEnoughButLiveAndYoungOnesStay() throws Exception {
        ConfigDriveBuilder builder = new ConfigDriveBuilder(root);
        Path live = builder.build(spec(null, List.of()));
        String orphan = "11111111-2222-3333-4444-555555555555";
        String young = "66666666-7777-8888-9999-000000000000";
        Path orphanDir = Files.createDirectories(root.resolve(orphan).resolve("openstack/latest"));
        Files.createDirectories(root.resolve(young));
        Files.createDirectories(root.resolve("not-a-server"));
        FileTime old = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        Files.setLastModifiedTime(root.resolve(orphan), old);
        Files.setLastModifiedTime(live, old);
        Files.setLastModifiedTime(root.resolve("not-a-server"), old);

        assertEquals(List.of(orphan), builder.removeOrphans(Set.of(UUID), Duration.ofMinutes(10)));
        assertFalse(Files.exists(orphanDir));
        assertTrue(Files.exists(live), "the live server's drive stays");
        assertTrue(Files.exists(root.resolve(young)), "a drive younger than the minimum age may belong to a spawn");
        assertTrue(Files.exists(root.resolve("not-a-server")), "only uuid-named drives are Windlass's");
    }

    @Test
    void invalidBase64NamesWhatIsWrongAndWritesNothing() {
        ConfigDriveBuilder builder = new ConfigDriveBuilder(root);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder.build(spec("!!not base64!!", List.of())));

        assertTrue(e.getMessage().contains("user_data"), e.getMessage());
        assertFalse(Files.exists(root.resolve(UUID)));
    }
}
