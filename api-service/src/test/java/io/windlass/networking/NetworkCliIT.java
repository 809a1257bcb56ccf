package io.windlass.networking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.windlass.testing.RealTokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real {@code openstack} CLI (python3-openstackclient) against this api-service: it finds
 * the network service in the catalog, appends /v2.0 and drives networks, subnets, ports and
 * security groups as a user would. Skipped where the CLI is not installed.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class NetworkCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @TempDir
    Path home;

    /** One command with a clean environment holding only the openrc; answers stdout, failing on a non-zero exit. */
    private String openstack(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openstack"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        builder.environment().clear();
        builder.environment().putAll(Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "HOME", home.toString(),
                "LANG", "C.UTF-8", "OS_AUTH_URL", "http://127.0.0.1:" + port + "/identity/v3", "OS_USERNAME", "admin",
                "OS_PASSWORD", RealTokens.ADMIN_PASSWORD, "OS_PROJECT_NAME", "admin", "OS_USER_DOMAIN_NAME",
                "Default"));
        builder.environment().putAll(Map.of("OS_PROJECT_DOMAIN_NAME", "Default", "OS_IDENTITY_API_VERSION", "3",
                "OS_REGION_NAME", "RegionOne"));
        Path err = Files.createTempFile(home, "stderr", ".txt");
        Process process = builder.redirectError(err.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "timed out: " + command);
        assertEquals(0, process.exitValue(), command + "\nstdout: " + out + "\nstderr: " + Files.readString(err));
        return out;
    }

    private JsonNode json(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-f", "json"));
        return JSON.readTree(openstack(all.toArray(String[]::new)));
    }

    @Test
    void networkSubnetPortAndSecurityGroupCommands() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openstack")), "the openstack CLI is not installed");
        String net = json("network", "create", "cli-net").get("id").asText();
        assertEquals("cli-net", json("network", "show", "cli-net").get("name").asText());
        assertTrue(json("network", "list").toString().contains(net));
        json("subnet", "create", "cli-sub", "--network", "cli-net", "--subnet-range", "198.18.90.0/24");
        assertTrue(json("subnet", "list").toString().contains("198.18.90.0/24"));
        JsonNode port = json("port", "create", "cli-port", "--network", "cli-net", "--fixed-ip",
                "subnet=cli-sub,ip-address=198.18.90.42");
        assertTrue(port.toString().contains("198.18.90.42"), port.toString());
        assertTrue(json("port", "list").toString().contains("cli-port"));
        assertEquals(port.get("id").asText(), json("port", "show", "cli-port").get("id").asText());
        assertTrue(json("security", "group", "list").toString().contains("default"));
        openstack("port", "delete", "cli-port");
        openstack("subnet", "delete", "cli-sub");
        openstack("network", "delete", "cli-net");
        assertTrue(!json("network", "list").toString().contains(net));
    }
}
