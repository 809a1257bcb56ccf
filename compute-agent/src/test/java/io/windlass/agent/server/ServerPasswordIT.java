package io.windlass.agent.server;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.agent.driver.docker.DockerClientFactory;
import io.windlass.agent.driver.docker.DockerServerDriver;
import io.windlass.agent.testing.AgentQueuesReset;
import io.windlass.agent.testing.RunningServers;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RemoteException;
import io.windlass.server.ServerSpec;
import io.windlass.server.SetAdminPassword;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Nova's {@code set_admin_password} on the real dockerd: root's password set with the guest's
 * {@code chpasswd} (the guest image Tempest boots, deploy/local/guest-image: busybox, whose build has
 * no chpasswd applet, with a chpasswd of its own that writes busybox mkpasswd's SHA-512 hash), and Nova's
 * InstancePasswordSetFailed for an image without chpasswd, one without a root user (the plain
 * busybox has no /etc/passwd) and a guest that is not running.
 */
@QuarkusTest
@WithTestResource(AgentQueuesReset.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerPasswordIT {
    private static final String HOST = AgentQueuesReset.HOST;
    private static final String IMAGE = "windlass-it-chpasswd:latest";
    /** A root user, but no chpasswd. */
    private static final String NO_CHPASSWD = "windlass-it-no-chpasswd:latest";
    private static final String LABEL = "server-password-it";
    /** The guest image recipe Tempest's runs use too: busybox, a root user and chpasswd. */
    private static final Path GUEST_IMAGE = Path.of("..", "deploy", "local", "guest-image").toAbsolutePath().normalize();

    @Inject
    ComputeRpcApi compute;
    @Inject
    ServerConfig config;

    private final RequestContext ctx = new RequestContext("req-" + UUID.randomUUID(), "req-global", "tester",
            "project-1", List.of("admin"));
    private final List<String> spawned = new java.util.concurrent.CopyOnWriteArrayList<>();
    private DockerClient docker;

    @BeforeAll
    void buildTheImage() throws Exception {
        docker = DockerClientFactory.create("unix:///var/run/docker.sock", Duration.ofSeconds(60));
        removeTestServers();
        docker.buildImageCmd(GUEST_IMAGE.toFile()).withTags(Set.of(IMAGE)).withPull(false).start()
                .awaitImageId(2, TimeUnit.MINUTES);
        Path dir = Files.createTempDirectory("no-chpasswd-image");
        Files.writeString(dir.resolve("Dockerfile"), """
                FROM busybox:latest
                RUN echo 'root:x:0:0:root:/root:/bin/sh' > /etc/passwd
                """);
        docker.buildImageCmd(dir.toFile()).withTags(Set.of(NO_CHPASSWD)).withPull(false).start()
                .awaitImageId(2, TimeUnit.MINUTES);
    }

    @AfterAll
    void cleanUp() throws Exception {
        removeTestServers();
        ConfigDriveBuilder drives = new ConfigDriveBuilder(config.configDriveDir());
        spawned.forEach(drives::remove);
        // the test images would otherwise show in the host's image inventory to later tests
        for (String image : List.of(IMAGE, NO_CHPASSWD)) {
            docker.removeImageCmd(image).withForce(true).exec();
        }
        docker.close();
    }

    private void removeTestServers() {
        docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of("windlass.meta.test", LABEL)).exec()
                .forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
    }

    /** A running server of {@code image}, as the conductor has the host spawn it. */
    private String running(String image) throws InterruptedException {
        String uuid = UUID.randomUUID().toString();
        spawned.add(uuid);
        compute.spawnServer(HOST, ctx, new ServerSpec(uuid, "pw-" + uuid.substring(0, 8), "pw", image, 1, 64, 1,
                Map.of("test", LABEL), "project-1", "user-1", "nova", 0, "r-it", null, List.of(), "none"));
        RunningServers.await(docker, uuid, image);
        return uuid;
    }

    private String rootHashCheck(String uuid, String password) throws InterruptedException {
        // recomputes the hash with the salt /etc/shadow holds and compares
        return exec(uuid, "sh", "-c", "h=$(grep '^root:' /etc/shadow | cut -d: -f2); s=$(echo \"$h\" | cut -d'$' -f3);"
                + " [ \"$(mkpasswd -m sha512 -S \"$s\" \"$1\")\" = \"$h\" ] && echo match || echo differs", "sh",
                password).strip();
    }

    private String exec(String uuid, String... command) throws InterruptedException {
        String execId = docker.execCreateCmd(DockerServerDriver.engineName(uuid)).withAttachStdout(true)
                .withAttachStderr(true).withCmd(command).exec().getId();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        docker.execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                out.writeBytes(frame.getPayload());
            }
        }).awaitCompletion(10, TimeUnit.SECONDS);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void chpasswdInTheGuestSetsRootsPassword() throws Exception {
        String uuid = running(IMAGE);
        String password = "n3w: pass with spaces & $igns";
        compute.setAdminPassword(HOST, ctx, new SetAdminPassword(uuid, password));
        assertEquals("match", rootHashCheck(uuid, password));
        assertEquals("differs", rootHashCheck(uuid, "something else"));

        compute.setAdminPassword(HOST, ctx, new SetAdminPassword(uuid, "second"));
        assertEquals("match", rootHashCheck(uuid, "second"));
    }

    @Test
    void anImageWithoutChpasswdOrRootOrAGuestNotRunningIsNovasInstancePasswordSetFailed() throws Exception {
        String withoutTool = running(NO_CHPASSWD);
        RemoteException noTool = assertThrows(RemoteException.class, () ->
                compute.setAdminPassword(HOST, ctx, new SetAdminPassword(withoutTool, "pw")));
        assertEquals(ComputeRpcApi.PASSWORD_SET_FAILED, noTool.type());
        assertEquals("the image has no chpasswd", noTool.getMessage());
        String plain = running("busybox:latest");
        RemoteException noRoot = assertThrows(RemoteException.class, () ->
                compute.setAdminPassword(HOST, ctx, new SetAdminPassword(plain, "pw")));
        assertEquals("the image cannot run chpasswd as root", noRoot.getMessage());

        String paused = running(IMAGE);
        docker.pauseContainerCmd(DockerServerDriver.engineName(paused)).exec();
        RemoteException notRunning = assertThrows(RemoteException.class, () ->
                compute.setAdminPassword(HOST, ctx, new SetAdminPassword(paused, "pw")));
        assertEquals(ComputeRpcApi.PASSWORD_SET_FAILED, notRunning.type());
        assertEquals("instance " + paused + " is not running", notRunning.getMessage());
        docker.unpauseContainerCmd(DockerServerDriver.engineName(paused)).exec();

        String unknown = UUID.randomUUID().toString();
        RemoteException gone = assertThrows(RemoteException.class, () ->
                compute.setAdminPassword(HOST, ctx, new SetAdminPassword(unknown, "pw")));
        assertEquals("ServerNotFound", gone.type());
    }
}
