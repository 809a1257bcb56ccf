package io.windlass.agent.server;

import io.windlass.network.FixedIp;
import io.windlass.network.NetworkBinding;
import io.windlass.network.PortSpec;
import io.windlass.network.SubnetSpec;
import io.windlass.network.WorkloadNetworks;
import io.windlass.server.InjectedFile;
import io.windlass.server.ServerKey;
import io.windlass.server.ServerSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
    void theKeyPairIsListedByNameAndWithItsTypeAsNovasMetadataHasIt() throws Exception {
        String key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHdXbD0J2b0bM2nQ4y2l7lJ0p7Z9mBk1m9pXlJ2pQkzz me@laptop";
        ServerSpec plain = spec(null, List.of());
        ServerSpec withKey = new ServerSpec(plain.uuid(), plain.name(), plain.hostname(), plain.image(), plain.vcpus(),
                plain.memoryMb(), plain.rootGb(), plain.metadata(), plain.projectId(), plain.userId(),
                plain.availabilityZone(), plain.launchIndex(), plain.reservationId(), null, List.of(), "auto", false,
                WorkloadNetworks.NONE, new ServerKey("laptop", "ssh", key));

        Path dir = new ConfigDriveBuilder(root).build(withKey);

        assertTrue(Files.readString(dir.resolve("openstack/latest/meta_data.json")).endsWith("\"files\":[],"
                + "\"public_keys\":{\"laptop\":\"" + key + "\"},"
                + "\"keys\":[{\"name\":\"laptop\",\"type\":\"ssh\",\"data\":\"" + key + "\"}],\"devices\":[]}"));
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
    void aRewriteKeepsTheDirectoryThatARunningServerHasMounted() throws Exception {
        ConfigDriveBuilder builder = new ConfigDriveBuilder(root);
        Path dir = builder.build(spec(b64("one"), List.of()));
        // an open directory holds on to it as the engine's bind mount does: a directory deleted and
        // made again under the same name would show through it empty
        try (DirectoryStream<Path> mounted = Files.newDirectoryStream(dir)) {
            // a redelivered spawn writes the drive again before the engine says the server exists
            builder.build(spec(b64("one"), List.of()));

            List<String> seen = new ArrayList<>();
            mounted.forEach(p -> seen.add(p.getFileName().toString()));
            assertEquals(List.of("openstack"), seen);
        }
        assertEquals("one", Files.readString(dir.resolve("openstack/latest/user_data")));
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

    private static final String NET_A = "3f0c9a52-8d1e-4b7a-9c2f-00000000000a";
    private static final String NET_B = "3f0c9a52-8d1e-4b7a-9c2f-00000000000b";
    private static final String PORT_A = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final String PORT_B = "7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e";

    /** Port A dual-stack on network A (both subnets with a gateway); port B IPv4 only, on a subnet without one. */
    private static WorkloadNetworks twoPorts() {
        NetworkBinding a = new NetworkBinding(NET_A, 4301, 1450, List.of(
                new SubnetSpec("198.18.10.0/24", "198.18.10.1", 4),
                new SubnetSpec("fd00:10::/64", "fd00:10::1", 6)), List.of());
        NetworkBinding b = new NetworkBinding(NET_B, 4302, 1400, List.of(
                // not the port's subnet: its gateway must not become the port's route
                new SubnetSpec("198.19.32.0/24", "198.19.32.1", 4),
                new SubnetSpec("198.19.16.0/20", null, 4)), List.of());
        return new WorkloadNetworks(List.of(
                // the IPv6 address first: Nova still lists a port's IPv4 network before its IPv6 one
                new PortSpec(PORT_A, NET_A, "fa:16:3e:00:00:0a",
                        List.of(new FixedIp("subnet-a6", "fd00:10::5"), new FixedIp("subnet-a4", "198.18.10.5"))),
                new PortSpec(PORT_B, NET_B, "fa:16:3e:00:00:0b", List.of(new FixedIp("subnet-b4", "198.19.17.7")))),
                List.of(a, b));
    }

    @Test
    void networkDataDescribesThePortsAsNovasGetNetworkMetadataDoes() throws Exception {
        Path dir = new ConfigDriveBuilder(root).build(spec(null, List.of()).withNetworks(twoPorts()));

        assertEquals("{\"links\":["
                        + "{\"id\":\"tap0a1b2c3d-4e\",\"vif_id\":\"" + PORT_A + "\",\"type\":\"bridge\",\"mtu\":1450,"
                        + "\"ethernet_mac_address\":\"fa:16:3e:00:00:0a\"},"
                        + "{\"id\":\"tap7b8c9d0e-1f\",\"vif_id\":\"" + PORT_B + "\",\"type\":\"bridge\",\"mtu\":1400,"
                        + "\"ethernet_mac_address\":\"fa:16:3e:00:00:0b\"}],"
                        + "\"networks\":["
                        + "{\"id\":\"network0\",\"type\":\"ipv4\",\"link\":\"tap0a1b2c3d-4e\",\"ip_address\":\"198.18.10.5\","
                        + "\"netmask\":\"255.255.255.0\","
                        + "\"routes\":[{\"network\":\"0.0.0.0\",\"netmask\":\"0.0.0.0\",\"gateway\":\"198.18.10.1\"}],"
                        + "\"network_id\":\"" + NET_A + "\",\"services\":[]},"
                        + "{\"id\":\"network1\",\"type\":\"ipv6\",\"link\":\"tap0a1b2c3d-4e\",\"ip_address\":\"fd00:10::5\","
                        + "\"netmask\":\"ffff:ffff:ffff:ffff::\","
                        + "\"routes\":[{\"network\":\"::\",\"netmask\":\"::\",\"gateway\":\"fd00:10::1\"}],"
                        + "\"network_id\":\"" + NET_A + "\",\"services\":[]},"
                        + "{\"id\":\"network2\",\"type\":\"ipv4\",\"link\":\"tap7b8c9d0e-1f\",\"ip_address\":\"198.19.17.7\","
                        + "\"netmask\":\"255.255.240.0\",\"routes\":[],"
                        + "\"network_id\":\"" + NET_B + "\",\"services\":[]}],"
                        + "\"services\":[]}",
                Files.readString(dir.resolve("openstack/latest/network_data.json")));
    }

    @Test
    void aPortWithoutAddressesGetsNoLinkAsInNova() {
        WorkloadNetworks networks = twoPorts();
        WorkloadNetworks withBare = new WorkloadNetworks(List.of(networks.ports().get(1),
                new PortSpec(PORT_A, NET_A, "fa:16:3e:00:00:0c", List.of())), networks.networks());

        String json = new ConfigDriveBuilder(root).networkData(spec(null, List.of()).withNetworks(withBare));

        assertTrue(json.startsWith("{\"links\":[{\"id\":\"tap7b8c9d0e-1f\""), json);
        assertFalse(json.contains("fa:16:3e:00:00:0c"), json);
        assertTrue(json.contains("{\"id\":\"network0\",\"type\":\"ipv4\",\"link\":\"tap7b8c9d0e-1f\""), json);
    }

    @Test
    void netmasksAreNovasDottedForIpv4AndCompactForIpv6() {
        assertEquals("255.255.240.0", NetworkData.netmask(4, 20));
        assertEquals("255.255.255.255", NetworkData.netmask(4, 32));
        assertEquals("0.0.0.0", NetworkData.netmask(4, 0));
        assertEquals("ffff:ffff:ffff:ffff::", NetworkData.netmask(6, 64));
        assertEquals("ffff:ffff:ffff:ff80::", NetworkData.netmask(6, 57));
        // like inet_ntop, a single zero group stays
        assertEquals("ffff:ffff:ffff:ffff:ffff:ffff:ffff:0", NetworkData.netmask(6, 112));
        assertEquals("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe", NetworkData.netmask(6, 127));
        assertEquals("::", NetworkData.netmask(6, 0));
    }

    @Test
    void anAddressOutsideItsNetworksSubnetsIsRefusedAndNothingIsWritten() {
        WorkloadNetworks networks = twoPorts();
        WorkloadNetworks stray = new WorkloadNetworks(List.of(new PortSpec(PORT_B, NET_B, "fa:16:3e:00:00:0b",
                List.of(new FixedIp("subnet-b4", "198.18.99.7")))), networks.networks());
        ConfigDriveBuilder builder = new ConfigDriveBuilder(root);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder.build(spec(null, List.of()).withNetworks(stray)));
        assertTrue(e.getMessage().contains("198.18.99.7"), e.getMessage());
        assertFalse(Files.exists(root.resolve(UUID)));
    }
}
