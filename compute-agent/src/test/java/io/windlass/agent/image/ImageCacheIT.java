package io.windlass.agent.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.rabbitmq.client.Channel;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.agent.AgentConfig;
import io.windlass.agent.driver.docker.DockerClientFactory;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.image.CacheHostImages;
import io.windlass.image.ImageCacheReport;
import io.windlass.image.ImageCacheReport.ImageOutcome;
import io.windlass.image.ImageCacheResult;
import io.windlass.rpc.Envelope;
import io.windlass.rpc.RpcConnection;
import io.windlass.rpc.RpcTopics;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * cache_images on the real dockerd, through the agent's RPC topic: a present image is
 * {@code existing}; a missing one is {@code error} without any pull (pulling is disabled in tests).
 */
@QuarkusTest
class ImageCacheIT {
    private static final String ABSENT = "windlass-never-built/absent:" + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    ComputeRpcApi compute;
    @Inject
    RpcConnection connection;
    @Inject
    ObjectMapper json;
    @Inject
    AgentConfig config;

    @Test
    void presentImageIsExistingAndAbsentImageIsAnErrorWithoutPulling() throws Exception {
        BlockingQueue<ImageCacheReport> reports = new LinkedBlockingQueue<>();
        String cacheId = UUID.randomUUID().toString();
        try (Channel probe = connection.createChannel()) {
            String queue = connection.declareTopicQueue(probe, RpcTopics.CONDUCTOR);
            probe.basicConsume(queue, true, (tag, delivery) -> {
                Envelope e = json.readValue(delivery.getBody(), Envelope.class);
                if (e.method().equals(ConductorRpcApi.REPORT_IMAGE_CACHE.name())) {
                    ImageCacheReport report = json.convertValue(e.args(), ImageCacheReport.class);
                    if (report.cacheId().equals(cacheId)) {
                        reports.add(report);
                    }
                }
            }, tag -> { });

            compute.cacheImages(config.hostName(), RequestContext.internal("image-cache-it"),
                    new CacheHostImages(cacheId, 3, "agg1", 1, List.of("busybox:latest", ABSENT)));

            ImageCacheReport report = reports.poll(30, TimeUnit.SECONDS);
            assertNotNull(report, "report_image_cache reached the conductor topic");
            assertEquals(config.hostName(), report.host());
            assertEquals(3, report.aggregateId());
            assertEquals(new ImageOutcome("busybox:latest", ImageCacheResult.EXISTING, null), report.images().get(0));
            ImageOutcome absent = report.images().get(1);
            assertEquals(ImageCacheResult.ERROR, absent.result());
            assertTrue(absent.reason().contains("pulling is disabled"), absent.reason());
        }
        try (DockerClient docker = DockerClientFactory.create(config.dockerHost(), Duration.ofSeconds(30))) {
            assertThrows(NotFoundException.class, () -> docker.inspectImageCmd(ABSENT).exec(), "nothing was pulled");
        }
    }
}
