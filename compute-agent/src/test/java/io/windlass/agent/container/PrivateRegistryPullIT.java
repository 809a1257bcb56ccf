package io.windlass.agent.container;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.agent.driver.docker.DockerClientFactory;
import io.windlass.agent.testing.AgentQueuesReset;
import io.windlass.agent.testing.ConductorProbe;
import io.windlass.agent.testing.ContainerSpecs;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.container.ContainerSpec;
import io.windlass.container.ContainerStatus;
import io.windlass.container.ContainerStatusReport;
import io.windlass.container.CreateContainer;
import io.windlass.container.DeleteContainer;
import io.windlass.container.RegistryLogin;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RpcConnection;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Zun's private registries on a host: a registry that needs a login (Debian's {@code docker-registry}, run by
 * the test on 127.0.0.1 with htpasswd auth and its storage in a temporary directory) holds an image built here and
 * then removed from the engine, so the pull must reach the registry. The create carries the registry's login (compute
 * RPC 1.20): with the right password the image is pulled and the container runs; with a wrong one, or none, the
 * create ends in Error with the engine's reason, and never with the password in it.
 */
@QuarkusTest
@WithTestResource(AgentQueuesReset.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivateRegistryPullIT {
    private static final String HOST = AgentQueuesReset.HOST;
    private static final String TEST_LABEL = "windlass.test";
    private static final String TEST_LABEL_VALUE = "private-registry-it";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String USER = "alice";
    private static final String PASSWORD = "right-" + UUID.randomUUID();
    private static final String WRONG = "wrong-" + UUID.randomUUID();

    @Inject
    ComputeRpcApi compute;
    @Inject
    RpcConnection connection;
    @Inject
    ObjectMapper json;

    private final RequestContext ctx = new RequestContext("req-" + UUID.randomUUID(), "req-global", "tester",
            "project-1", List.of("member"));
    private DockerClient docker;
    private ConductorProbe conductor;
    private Path dir;
    private Process registry;
    private String domain;
    private String image;

    @BeforeAll
    void startRegistryWithAPrivateImage() throws Exception {
        docker = DockerClientFactory.create("unix:///var/run/docker.sock", Duration.ofSeconds(30));
        conductor = ConductorProbe.listen(connection, json);
        dir = Files.createTempDirectory("windlass-registry-it");
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        domain = "127.0.0.1:" + port;
        image = domain + "/windlass-it/tiny:" + UUID.randomUUID().toString().substring(0, 8);
        // bcrypt, the only hash the registry's htpasswd auth takes
        Files.writeString(dir.resolve("htpasswd"), run(null, "htpasswd", "-Bbn", USER, PASSWORD).strip() + "\n");
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("config.yml"), """
                version: 0.1
                storage:
                  filesystem:
                    rootdirectory: %s
                http:
                  addr: %s
                auth:
                  htpasswd:
                    realm: windlass-it
                    path: %s
                """.formatted(dir.resolve("data"), domain, dir.resolve("htpasswd")));
        registry = new ProcessBuilder("docker-registry", "serve", dir.resolve("config.yml").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
        awaitRegistry(port);
        // a tiny image of our own, pushed with a login in a client configuration of the test's (not root's), then
        // removed from the engine: only the registry has it
        run("FROM busybox:latest\nLABEL " + TEST_LABEL + "=" + TEST_LABEL_VALUE + "\n", "docker", "build", "-q", "-t",
                image, "-");
        run(PASSWORD + "\n", "docker", "login", domain, "-u", USER, "--password-stdin");
        run(null, "docker", "push", image);
        run(null, "docker", "rmi", image);
        assertFalse(imagePresent(), "the image must be pulled from the registry");
    }

    @AfterAll
    void cleanUp() throws Exception {
        // the registry first: it must not outlive the test whatever else fails
        if (registry != null) {
            registry.destroy();
            if (!registry.waitFor(10, TimeUnit.SECONDS)) {
                registry.destroyForcibly();
            }
        }
        docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(TEST_LABEL, TEST_LABEL_VALUE)).exec()
                .forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
        if (image != null && imagePresent()) {
            docker.removeImageCmd(image).withForce(true).exec();
        }
        if (conductor != null) {
            conductor.close();
        }
        docker.close();
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aWrongOrNoLoginEndsInErrorThenTheRightOnePullsAndRuns() {
        // wrong password: the engine's refusal, the password nowhere in it, nothing left on the host
        ContainerStatusReport wrong = createAndAwait(new RegistryLogin(domain, USER, WRONG), ContainerStatus.ERROR);
        assertTrue(wrong.statusReason().startsWith("Image " + image + " could not be pulled on host " + HOST + ": "),
                wrong.statusReason());
        assertTrue(wrong.statusReason().contains("unauthorized"), wrong.statusReason());
        assertFalse(wrong.statusReason().contains(WRONG));
        assertNull(wrong.engineId());
        assertFalse(imagePresent());

        // no login at all: the registry asks for one
        ContainerStatusReport none = createAndAwait(null, ContainerStatus.ERROR);
        assertTrue(none.statusReason().contains("no basic auth credentials"), none.statusReason());

        // the right one: pulled with it, and running
        ContainerStatusReport running = createAndAwait(new RegistryLogin(domain, USER, PASSWORD),
                ContainerStatus.RUNNING);
        assertTrue(imagePresent());
        assertEquals(image, docker.inspectContainerCmd(running.engineId()).exec().getConfig().getImage());
        compute.deleteContainer(HOST, ctx, new DeleteContainer(running.uuid(), true, false));
        awaitReport(running.uuid(), "gone", r -> r.operationDone() && r.gone());
    }

    private ContainerStatusReport createAndAwait(RegistryLogin login, ContainerStatus expected) {
        String uuid = UUID.randomUUID().toString();
        ContainerSpec spec = ContainerSpecs.container(uuid).name("reg-" + uuid.substring(0, 8)).image(image)
                .command(List.of("sleep", "300")).limits(0.5, 64).labels(Map.of(TEST_LABEL, TEST_LABEL_VALUE))
                .project("project-1").registryLogin(login).build();
        compute.createContainer(HOST, ctx, new CreateContainer(spec, true));
        return awaitReport(uuid, expected.value(), r -> r.operationDone() && r.status() == expected);
    }

    private ContainerStatusReport awaitReport(String uuid, String what, Predicate<ContainerStatusReport> match) {
        return conductor.await(ConductorRpcApi.REPORT_CONTAINER_STATUS, ContainerStatusReport.class,
                r -> r.uuid().equals(uuid) && match.test(r), WAIT, "report " + what + " for " + uuid);
    }

    private boolean imagePresent() {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private void awaitRegistry(int port) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://" + domain + "/v2/").toURL()
                        .openConnection();
                c.setConnectTimeout(500);
                // the registry is up when it asks for its login
                if (c.getResponseCode() == 401) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!registry.isAlive()) {
                throw new AssertionError("docker-registry exited: " + Files.readString(dir.resolve("registry.log")));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("docker-registry not up on port " + port);
    }

    /** A command of the test (the Docker CLI with its own client configuration), its output; fails when it does. */
    private String run(String stdin, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true);
        pb.environment().put("DOCKER_CONFIG", dir.resolve("docker-client").toString());
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
