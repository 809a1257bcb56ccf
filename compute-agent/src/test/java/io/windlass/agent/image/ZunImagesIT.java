package io.windlass.agent.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.rabbitmq.client.Channel;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.agent.AgentConfig;
import io.windlass.agent.container.ContainerDriver;
import io.windlass.agent.driver.docker.DockerClientFactory;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.rpc.Envelope;
import io.windlass.rpc.RemoteException;
import io.windlass.rpc.RpcConnection;
import io.windlass.rpc.RpcTopics;
import io.windlass.zunimage.DeleteImage;
import io.windlass.zunimage.ImagePullReport;
import io.windlass.zunimage.PullImage;
import io.windlass.zunimage.SearchImages;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Zun's images API on the real dockerd, through the agent's RPC topic (compute 1.19): an image the
 * engine holds (built here; no registry is reachable) is pulled without asking a registry and
 * reported with the engine's id and size; a missing one is an error in the engine's words; a delete
 * removes the reference, and is refused while a container uses the image; a search asks the
 * engine's registry.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZunImagesIT {
    private static final String REPO = "windlass-it-zun-image";
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    /** Only this test's tags name it: one is pulled, the other deleted. */
    private static final String PULLED = REPO + ":pulled-" + SUFFIX;
    private static final String LOCAL = REPO + ":local-" + SUFFIX;
    /** An image of its own, with one tag, which a container is created from, so the engine keeps it. */
    private static final String USED = REPO + ":used-" + SUFFIX;
    private static final String ABSENT = "windlass-never-built/absent:" + SUFFIX;
    private static final String LABEL = "windlass.it";

    @Inject
    ComputeRpcApi compute;
    @Inject
    ContainerDriver driver;
    @Inject
    RpcConnection connection;
    @Inject
    ObjectMapper json;
    @Inject
    AgentConfig config;

    private DockerClient docker;
    private final RequestContext ctx = RequestContext.internal("zun-images-it");

    @BeforeAll
    void buildTwoTinyImages() throws Exception {
        docker = DockerClientFactory.create(config.dockerHost(), Duration.ofSeconds(30));
        Path dir = Files.createTempDirectory("zun-images-it");
        for (String kind : new String[] {"local", "used"}) {
            Files.writeString(dir.resolve("Dockerfile"), "FROM busybox:latest\nLABEL " + LABEL + "=zun-images-" + SUFFIX
                    + "\nRUN echo " + kind + "-" + SUFFIX + " > /marker\n");
            docker.buildImageCmd(dir.toFile()).withTags(kind.equals("used") ? Set.of(USED) : Set.of(PULLED, LOCAL))
                    .withPull(false).start().awaitImageId(2, TimeUnit.MINUTES);
        }
        docker.createContainerCmd(USED).withName("zun-images-it-" + SUFFIX).withLabels(Map.of(LABEL, SUFFIX))
                .withCmd("true").exec();
    }

    @AfterAll
    void cleanUp() {
        docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(LABEL, SUFFIX)).exec()
                .forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
        for (String tag : new String[] {PULLED, LOCAL, USED}) {
            try {
                docker.removeImageCmd(tag).exec();
            } catch (NotFoundException e) {
                // the test removed it
            }
        }
    }

    @Test
    void anImageTheEngineHoldsIsPulledWithoutARegistryAndReportedWithItsIdAndSize() throws Exception {
        String uuid = UUID.randomUUID().toString();
        ImagePullReport report = pullThroughTheTopic(new PullImage(uuid, REPO, "pulled-" + SUFFIX));
        InspectImageResponse engine = docker.inspectImageCmd(PULLED).exec();
        assertEquals(ImagePullReport.pulled(uuid, config.hostName(), engine.getId(), engine.getSize()), report);
    }

    @Test
    void aMissingImageIsAnErrorInTheEnginesWords() throws Exception {
        String uuid = UUID.randomUUID().toString();
        // the test agent pulls nothing (windlass.agent.image-cache-pull=false)
        ImagePullReport refused = pullThroughTheTopic(new PullImage(uuid, "windlass-never-built/absent", SUFFIX));
        assertNull(refused.imageId());
        assertTrue(refused.failure().contains("not found on host " + config.hostName() + " and pulling is disabled"),
                refused.failure());
        // a host that may pull asks its registry, and none has it (or none is reachable)
        ImagePullReport failed = new ZunImages(driver, null, "pulling-host", true)
                .pull(new PullImage(uuid, "windlass-never-built/absent", SUFFIX));
        assertNull(failed.imageId());
        assertTrue(failed.failure().startsWith("Image " + ABSENT + " could not be pulled on host pulling-host: "),
                failed.failure());
        assertThrows(NotFoundException.class, () -> docker.inspectImageCmd(ABSENT).exec(), "nothing was pulled");
    }

    @Test
    void aDeleteRemovesTheReferenceAndIsRefusedWhileAContainerUsesTheImage() {
        String host = config.hostName();
        RemoteException inUse = assertThrows(RemoteException.class, () -> compute.imageDelete(host, ctx,
                new DeleteImage(UUID.randomUUID().toString(), REPO, "used-" + SUFFIX, null)));
        assertEquals(DeleteImage.IN_USE, inUse.type());
        assertTrue(inUse.getMessage().contains("is using its referenced image"), inUse.getMessage());
        assertNotNull(docker.inspectImageCmd(USED).exec().getId(), "the image stays");

        compute.imageDelete(host, ctx, new DeleteImage(UUID.randomUUID().toString(), REPO, "local-" + SUFFIX, null));
        assertThrows(NotFoundException.class, () -> docker.inspectImageCmd(LOCAL).exec(), "the reference is gone");
        // again: nothing there is no failure
        compute.imageDelete(host, ctx, new DeleteImage(UUID.randomUUID().toString(), REPO, "local-" + SUFFIX, null));
    }

    @Test
    void aSearchAsksTheEnginesRegistry() {
        try {
            SearchImages.Found found = compute.imageSearch(config.hostName(), ctx, new SearchImages("busybox", true));
            // a registry answered (a host with Docker Hub in reach): only the exact name is kept
            assertTrue(found.images().stream().allMatch(m -> m.name().equals("busybox")), found.toString());
        } catch (RemoteException e) {
            // no registry is reachable: the engine's own words
            assertEquals("EngineError", e.type());
            assertTrue(e.getMessage().startsWith("Docker search images failed: "), e.getMessage());
        }
    }

    /** Casts {@code image_pull} to this host and waits for its {@code report_image_pull}. */
    private ImagePullReport pullThroughTheTopic(PullImage request) throws Exception {
        BlockingQueue<ImagePullReport> reports = new LinkedBlockingQueue<>();
        try (Channel probe = connection.createChannel()) {
            String queue = connection.declareTopicQueue(probe, RpcTopics.CONDUCTOR);
            probe.basicConsume(queue, true, (tag, delivery) -> {
                Envelope e = json.readValue(delivery.getBody(), Envelope.class);
                if (e.method().equals(ConductorRpcApi.REPORT_IMAGE_PULL.name())) {
                    ImagePullReport report = json.convertValue(e.args(), ImagePullReport.class);
                    if (report.uuid().equals(request.uuid())) {
                        reports.add(report);
                    }
                }
            }, tag -> { });
            compute.imagePull(config.hostName(), ctx, request);
            ImagePullReport report = reports.poll(30, TimeUnit.SECONDS);
            assertNotNull(report, "report_image_pull reached the conductor topic");
            return report;
        }
    }
}
