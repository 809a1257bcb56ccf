package io.windlass.agent.workload;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.command.InspectImageResponse;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.agent.driver.docker.DockerClientFactory;
import io.windlass.agent.driver.docker.DockerServerDriver;
import io.windlass.agent.testing.AgentQueuesReset;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.container.ContainerSpec;
import io.windlass.context.RequestContext;
import io.windlass.image.CommitWorkload;
import io.windlass.image.CommittedImage;
import io.windlass.rpc.RemoteException;
import io.windlass.server.ServerRef;
import io.windlass.server.ShelveServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code commit_workload} as the conductor calls it: over the real RabbitMQ to this agent, which
 * commits a real engine container, named as each kind's driver names it, that wrote a file into
 * its own filesystem. The image must hold the file, and the running workload must run on.
 */
@QuarkusTest
@WithTestResource(AgentQueuesReset.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkloadCommitIT {
    private static final String HOST = AgentQueuesReset.HOST;
    private static final String TEST_LABEL = "windlass.test";
    private static final String TEST_LABEL_VALUE = "workload-commit-it";
    private static final String REPOSITORY = "windlass-image/commit-it-" + UUID.randomUUID();

    @Inject
    ComputeRpcApi compute;

    private final RequestContext ctx = new RequestContext("req-" + UUID.randomUUID(), "req-global", "tester",
            "project-1", List.of("admin"));
    private DockerClient docker;
    private final String server = UUID.randomUUID().toString();
    private final String container = UUID.randomUUID().toString();
    private final String shelved = UUID.randomUUID().toString();

    @BeforeAll
    void runWorkloadsThatWroteAFile() {
        docker = DockerClientFactory.create("unix:///var/run/docker.sock", Duration.ofSeconds(30));
        removeWhatTheTestMade();
        run(DockerServerDriver.engineName(server), "echo made-in-server > /marker && echo ready && exec sleep 600");
        run(ContainerSpec.engineName(container), "echo made-in-container > /marker && echo ready && exec sleep 600");
        run(DockerServerDriver.engineName(shelved), "echo made-before-shelve > /marker && echo ready && exec sleep 600");
    }

    @AfterAll
    void cleanUp() throws IOException {
        removeWhatTheTestMade();
        docker.close();
    }

    private void run(String name, String script) {
        String id = docker.createContainerCmd("busybox:latest").withName(name).withCmd("sh", "-c", script)
                .withLabels(Map.of(TEST_LABEL, TEST_LABEL_VALUE)).exec().getId();
        docker.startContainerCmd(id).exec();
        for (int i = 0; i < 50 && !fileIn(name); i++) {
            sleep();
        }
    }

    /** The script says {@code ready} once its file is written. */
    private boolean fileIn(String name) {
        return output(name).contains("ready");
    }

    /** What {@code cat /marker} prints in a new container of {@code image}. */
    private String catMarker(String image) {
        String id = docker.createContainerCmd(image).withCmd("cat", "/marker")
                .withLabels(Map.of(TEST_LABEL, TEST_LABEL_VALUE)).exec().getId();
        docker.startContainerCmd(id).exec();
        docker.waitContainerCmd(id).start().awaitStatusCode();
        String out = output(id);
        // gone at once: a container left on the image would keep the engine from removing it
        docker.removeContainerCmd(id).withForce(true).exec();
        return out;
    }

    private String output(String id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            docker.logContainerCmd(id).withStdOut(true).withStdErr(true).exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            out.writeBytes(frame.getPayload());
                        }
                    }).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out.toString();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void removeWhatTheTestMade() {
        docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(TEST_LABEL, TEST_LABEL_VALUE)).exec()
                .forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
        // only this test's own tags: the engine's name filter is not to be trusted to narrow the listing
        docker.listImagesCmd().exec().stream().filter(i -> i.getRepoTags() != null)
                .flatMap(i -> java.util.Arrays.stream(i.getRepoTags())).filter(tag -> tag.startsWith(REPOSITORY + ":"))
                .forEach(tag -> docker.removeImageCmd(tag).exec());
    }

    @Test
    void aServersFilesystemBecomesAnImageAndTheServerRunsOn() {
        CommittedImage image = compute.commitWorkload(HOST, ctx, new CommitWorkload(CommitWorkload.SERVER, server,
                REPOSITORY + ":server"), Duration.ofSeconds(60));

        InspectImageResponse inspected = docker.inspectImageCmd(REPOSITORY + ":server").exec();
        assertEquals(inspected.getId(), image.engineId());
        assertEquals(inspected.getSize(), image.size());
        assertTrue(image.size() > 0);
        assertEquals("made-in-server\n", catMarker(REPOSITORY + ":server"));
        assertTrue(docker.inspectContainerCmd(DockerServerDriver.engineName(server)).exec().getState().getRunning());
        assertFalse(docker.inspectContainerCmd(DockerServerDriver.engineName(server)).exec().getState().getPaused(),
                "the engine unpaused it after the copy");
    }

    @Test
    void aContainerIsCommittedToTheRepositoryAndTagAskedForAndAgainToTheSame() {
        String reference = REPOSITORY + ":v1";
        CommittedImage first = compute.commitWorkload(HOST, ctx, new CommitWorkload(CommitWorkload.CONTAINER,
                container, reference), Duration.ofSeconds(60));
        // a redelivered message commits again: the tag moves to the new image, nothing fails
        CommittedImage again = compute.commitWorkload(HOST, ctx, new CommitWorkload(CommitWorkload.CONTAINER,
                container, reference), Duration.ofSeconds(60));

        assertEquals(again.engineId(), docker.inspectImageCmd(reference).exec().getId());
        assertTrue(first.size() > 0);
        assertEquals("made-in-container\n", catMarker(reference));
    }

    /**
     * Nova's shelve, then its offload, as two calls (shelved-offload-time above 0): powered off and
     * committed, then removed; each asked again does no harm.
     */
    @Test
    void aShelvedServerIsPoweredOffCommittedThenOffloadedFromTheHost() {
        String name = DockerServerDriver.engineName(shelved);
        String reference = REPOSITORY + ":shelved";
        CommittedImage image = compute.shelveServer(HOST, ctx, new ShelveServer(shelved, reference, false),
                Duration.ofSeconds(60));

        assertEquals(docker.inspectImageCmd(reference).exec().getId(), image.engineId());
        assertEquals("made-before-shelve\n", catMarker(reference));
        assertFalse(docker.inspectContainerCmd(name).exec().getState().getRunning(), "powered off, still on the host");

        assertNull(compute.shelveServer(HOST, ctx, new ShelveServer(shelved, null, true), Duration.ofSeconds(60)));
        assertTrue(docker.listContainersCmd().withShowAll(true).withNameFilter(List.of(name)).exec().stream()
                .noneMatch(c -> List.of(c.getNames()).contains("/" + name)), "offloaded: the engine has it no more");
        // delivered again: gone already is no error
        assertNull(compute.shelveServer(HOST, ctx, new ShelveServer(shelved, null, true), Duration.ofSeconds(60)));
        assertEquals("made-before-shelve\n", catMarker(reference), "the shelved image stays");
        assertEquals(shelved, docker.inspectImageCmd(reference).exec().getConfig().getLabels()
                .get("windlass.shelved-for"), "marked as the server's own");

        // unshelved (spawned from it), then deleted: the image goes with the server's container
        docker.createContainerCmd(reference).withName(name).withCmd("sleep", "600")
                .withLabels(Map.of(TEST_LABEL, TEST_LABEL_VALUE)).exec();
        compute.destroyServer(HOST, ctx, new ServerRef(shelved));
        for (int i = 0; i < 100 && imagePresent(reference); i++) {
            sleep();
        }
        assertFalse(imagePresent(reference), "removed with the server it was shelved for");
    }

    private boolean imagePresent(String reference) {
        try {
            docker.inspectImageCmd(reference).exec();
            return true;
        } catch (com.github.dockerjava.api.exception.NotFoundException e) {
            return false;
        }
    }

    @Test
    void aWorkloadTheEngineDoesNotHaveIsNotFound() {
        RemoteException e = assertThrows(RemoteException.class, () -> compute.commitWorkload(HOST, ctx,
                new CommitWorkload(CommitWorkload.SERVER, UUID.randomUUID().toString(), REPOSITORY + ":none"),
                Duration.ofSeconds(60)));
        assertEquals("WorkloadNotFound", e.type());
    }
}
