package io.windlass.agent.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.windlass.server.InjectedFile;
import io.windlass.server.ServerKey;
import io.windlass.server.ServerSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes a server's config drive as a directory tree in OpenStack's layout (what Nova puts on
 * the ISO9660 drive, and what cloud-init's ConfigDrive source reads):
 * <pre>
 * &lt;dir&gt;/&lt;uuid&gt;/openstack/latest/meta_data.json
 * &lt;dir&gt;/&lt;uuid&gt;/openstack/latest/user_data          (only when user data was given)
 * &lt;dir&gt;/&lt;uuid&gt;/openstack/latest/network_data.json
 * &lt;dir&gt;/&lt;uuid&gt;/openstack/content/0000 ...          (personality files, decoded)
 * </pre>
 * The drive is rebuilt from the spec on every spawn, so a redelivered spawn writes the same tree.
 */
@ApplicationScoped
public class ConfigDriveBuilder {
    private final Path root;
    /** Own mapper: the drive's JSON must not change with the application's serialisation settings. */
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    public ConfigDriveBuilder(ServerConfig config) {
        this(config.configDriveDir());
    }

    public ConfigDriveBuilder(Path root) {
        this.root = root.toAbsolutePath();
    }

    /** The drive directory of a server (whether or not it exists). */
    public Path directory(String uuid) {
        return root.resolve(uuid);
    }

    /**
     * Writes (or rewrites) the server's drive.
     *
     * @return the drive's directory, to be mounted into the server
     * @throws IllegalArgumentException when user data or a file's contents is not base64, or the networks are
     *                                  inconsistent (a port's network or an address's subnet missing)
     * @throws UncheckedIOException     when the host directory cannot be written
     */
    public Path build(ServerSpec spec) {
        byte[] userData = spec.userData() == null ? null : decode(spec.userData(), "user_data");
        List<byte[]> contents = new ArrayList<>();
        for (InjectedFile file : spec.files()) {
            contents.add(decode(file.contents(), "personality file " + file.path()));
        }
        String networkData = networkData(spec);
        Path dir = directory(spec.uuid());
        try {
            // the directory itself stays: it is what a server made by an earlier delivery of the same
            // spawn has mounted (WorkloadOperations tries the create before it looks), and a new
            // directory in its place would leave that server an empty drive
            deleteTree(dir, false);
            Path latest = Files.createDirectories(dir.resolve("openstack/latest"));
            Files.writeString(latest.resolve("meta_data.json"), metaData(spec));
            Files.writeString(latest.resolve("network_data.json"), networkData);
            if (userData != null) {
                Files.write(latest.resolve("user_data"), userData);
            }
            if (!contents.isEmpty()) {
                Path content = Files.createDirectories(dir.resolve("openstack/content"));
                for (int i = 0; i < contents.size(); i++) {
                    Files.write(content.resolve(contentName(i)), contents.get(i));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the config drive of " + spec.uuid() + " under " + root, e);
        }
        return dir;
    }

    /**
     * Removes the drives of servers the engine no longer has (removed behind the agent's back),
     * once they are older than {@code minAge}: a drive is written before its server's container
     * is created, so a young drive may belong to a spawn under way.
     *
     * @return the uuids whose drives were removed
     */
    public List<String> removeOrphans(Set<String> liveServers, Duration minAge) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        Instant cutoff = Instant.now().minus(minAge);
        List<String> removed = new ArrayList<>();
        try (Stream<Path> drives = Files.list(root)) {
            for (Path drive : drives.filter(Files::isDirectory).toList()) {
                String uuid = drive.getFileName().toString();
                if (!liveServers.contains(uuid) && isUuid(uuid)
                        && Files.getLastModifiedTime(drive).toInstant().isBefore(cutoff)) {
                    remove(uuid);
                    removed.add(uuid);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the config drives in " + root, e);
        }
        return removed;
    }

    private static boolean isUuid(String name) {
        try {
            return UUID.fromString(name).toString().equals(name);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Removes the server's drive; nothing to remove is fine. */
    public void remove(String uuid) {
        try {
            deleteTree(directory(uuid), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the config drive of " + uuid, e);
        }
    }

    /** Nova's {@code openstack/latest/meta_data.json} for the server. */
    String metaData(ServerSpec spec) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("uuid", spec.uuid());
        meta.put("name", spec.name());
        meta.put("hostname", spec.hostname());
        meta.put("availability_zone", spec.availabilityZone());
        meta.put("project_id", spec.projectId());
        meta.put("launch_index", spec.launchIndex());
        // sorted, so that the same metadata always writes the same file
        meta.put("meta", new java.util.TreeMap<>(spec.metadata()));
        List<Map<String, String>> files = new ArrayList<>();
        for (int i = 0; i < spec.files().size(); i++) {
            Map<String, String> file = new LinkedHashMap<>();
            file.put("path", spec.files().get(i).path());
            file.put("content_path", "/content/" + contentName(i));
            files.add(file);
        }
        meta.put("files", files);
        // Nova's InstanceMetadata: the key by name, and (since Liberty) with its type in "keys"
        ServerKey key = spec.key();
        meta.put("public_keys", key == null ? Map.of() : Map.of(key.name(), key.publicKey()));
        if (key != null) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("name", key.name());
            entry.put("type", key.type());
            entry.put("data", key.publicKey());
            meta.put("keys", List.of(entry));
        }
        meta.put("devices", List.of());
        return write(meta);
    }

    /**
     * Nova's {@code openstack/latest/network_data.json}: the server's Windlass ports (links) and their
     * addresses (networks, with a default route via each subnet's gateway). A server on the engine's
     * default network (no ports in the spec) gets no links and no networks, and cloud-init falls back
     * to DHCP, which Docker serves.
     *
     * @throws IllegalArgumentException when a port's network or an address's subnet is missing from the spec
     */
    String networkData(ServerSpec spec) {
        return write(NetworkData.of(spec.networks()));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("config drive JSON", e);
        }
    }

    private static String contentName(int index) {
        return String.format("%04d", index);
    }

    /** Line breaks (as {@code base64} writes them) are fine; anything else outside the alphabet is not. */
    private static byte[] decode(String base64, String what) {
        try {
            return Base64.getDecoder().decode(base64.replaceAll("\\s", "").getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The " + what + " is not valid base64", e);
        }
    }

    /** @param withRoot whether {@code dir} itself goes too, or only what it holds */
    private static void deleteTree(Path dir, boolean withRoot) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (withRoot || !p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }
}
