package io.windlass.agent.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.agent.AgentConfig;
import io.windlass.agent.container.ContainerDriver;
import io.windlass.agent.driver.ImageUnavailableException;
import io.windlass.agent.driver.docker.DockerClientFactory;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.image.ImageData;
import io.windlass.image.ImageDataRequest;
import io.windlass.image.ImageDataStored;
import io.windlass.image.ImageDataWrite;
import io.windlass.image.StoreImage;
import io.windlass.rpc.Envelope;
import io.windlass.rpc.RpcConnection;
import io.windlass.rpc.RpcReply;
import io.windlass.rpc.RpcTopics;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The image store from the real dockerd's side: a stored image's archive ({@code docker save} of an
 * image built here) is read from the conductor's topic slice by slice, as {@code image_data} answers
 * it, loaded under the image's reference only (a name the archive carries takes nothing over on the
 * host), loaded once however often it is asked for, and refused when its bytes are not the stored
 * ones; an image the host holds is pushed into the store, in order, its md5 with the last slice.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredImagesIT {
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    /** The name the archive carries: on the host it names another image, which must keep it. */
    private static final String CARRIED = "windlass-it-uploaded:" + SUFFIX;
    private static final String LABEL = "windlass.it.uploaded";

    @Inject
    ContainerDriver driver;
    @Inject
    ConductorRpcApi conductor;
    @Inject
    RpcConnection connection;
    @Inject
    ObjectMapper json;
    @Inject
    AgentConfig config;

    private DockerClient docker;
    private byte[] archive;
    private String builtId;
    private String hostsOwnId;
    /** The uploads the fake conductor serves, by image id: bytes and the checksum it claims for them. */
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final AtomicInteger slicesServed = new AtomicInteger();
    /** What hosts pushed, by image id, and the md5 their last slice gave. */
    private final Map<String, ByteArrayOutputStream> pushes = new ConcurrentHashMap<>();
    private final Map<String, String> pushedMd5 = new ConcurrentHashMap<>();
    private final RequestContext ctx = RequestContext.internal("uploaded-images-it");

    private record Upload(byte[] bytes, String checksum) {
    }

    @BeforeAll
    void anArchiveAndItsNameTakenOnTheHost() throws Exception {
        docker = DockerClientFactory.create(config.dockerHost(), Duration.ofSeconds(30));
        Path dir = Files.createTempDirectory("uploaded-images-it");
        Files.writeString(dir.resolve("Dockerfile"), "FROM busybox:latest\nLABEL " + LABEL + "=" + SUFFIX
                + "\nRUN echo " + SUFFIX + " > /marker\n");
        docker.buildImageCmd(dir.toFile()).withTags(Set.of(CARRIED)).withPull(false).start()
                .awaitImageId(2, TimeUnit.MINUTES);
        builtId = docker.inspectImageCmd(CARRIED).exec().getId();
        try (InputStream saved = docker.saveImageCmd(CARRIED).exec()) {
            archive = saved.readAllBytes();
        }
        // the host's own image now goes by the name the archive carries
        docker.tagImageCmd("busybox:latest", "windlass-it-uploaded", SUFFIX).withForce().exec();
        hostsOwnId = docker.inspectImageCmd(CARRIED).exec().getId();
        docker.removeImageCmd(builtId).withForce(true).exec();
    }

    @AfterAll
    void cleanUp() {
        for (String tag : List.of(CARRIED)) {
            try {
                docker.removeImageCmd(tag).exec();
            } catch (NotFoundException e) {
                // gone already
            }
        }
        for (String id : uploads.keySet()) {
            try {
                docker.removeImageCmd("windlass-image/" + id + ":latest").withForce(true).exec();
            } catch (NotFoundException e) {
                // never loaded
            }
        }
    }

    @Test
    void anUploadIsLoadedUnderItsReferenceOnlyAndOnce() throws Exception {
        String id = UUID.randomUUID().toString();
        uploads.put(id, new Upload(archive, md5(archive)));
        String reference = "windlass-image/" + id + ":latest";
        StoredImages images = new StoredImages(driver, conductor);
        try (Channel responder = fakeConductor()) {
            images.ensure(ctx, reference);
            int slices = slicesServed.get();
            assertTrue(slices >= 1, "read through image_data");
            assertEquals(builtId, docker.inspectImageCmd(reference).exec().getId());
            assertEquals(SUFFIX, docker.inspectImageCmd(reference).exec().getConfig().getLabels().get(LABEL));
            // the name the archive carried still names the host's own image
            assertEquals(hostsOwnId, docker.inspectImageCmd(CARRIED).exec().getId());
            // held now: nothing is read again
            images.ensure(ctx, reference);
            assertEquals(slices, slicesServed.get());
            // what names no upload is none of this class's business
            images.ensure(ctx, "busybox:latest");
            assertEquals(slices, slicesServed.get());
        }
    }

    @Test
    void bytesThatAreNotTheUploadsAreRefusedAndLeaveNothing() throws Exception {
        String id = UUID.randomUUID().toString();
        byte[] tampered = archive.clone();
        uploads.put(id, new Upload(tampered, md5(Arrays.copyOf(tampered, tampered.length - 1))));
        String reference = "windlass-image/" + id + ":latest";
        try (Channel responder = fakeConductor()) {
            ImageUnavailableException refused = assertThrows(ImageUnavailableException.class,
                    () -> new StoredImages(driver, conductor).ensure(ctx, reference));
            assertTrue(refused.getMessage().contains("md5"), refused.getMessage());
        }
        assertThrows(NotFoundException.class, () -> docker.inspectImageCmd(reference).exec());
        // an upload the conductor does not have is refused in its words
        String unknown = "windlass-image/" + UUID.randomUUID() + ":latest";
        try (Channel responder = fakeConductor()) {
            ImageUnavailableException missing = assertThrows(ImageUnavailableException.class,
                    () -> new StoredImages(driver, conductor).ensure(ctx, unknown));
            assertTrue(missing.getMessage().contains("has no uploaded data"), missing.getMessage());
        }
    }

    @Test
    void anImageThisHostHoldsIsPushedIntoTheStoreInSlices() throws Exception {
        String id = UUID.randomUUID().toString();
        try (Channel responder = fakeConductor()) {
            new StoredImages(driver, conductor).store(ctx, new StoreImage(id, "busybox:latest"));
        }
        ByteArrayOutputStream pushed = pushes.get(id);
        byte[] saved;
        try (InputStream archive = docker.saveImageCmd("busybox:latest").exec()) {
            saved = archive.readAllBytes();
        }
        assertArrayEquals(saved, pushed.toByteArray());
        assertEquals(md5(saved), pushedMd5.get(id));
        // an image the host lacks is no push at all, and no failure of the caller's
        String absent = UUID.randomUUID().toString();
        try (Channel responder = fakeConductor()) {
            new StoredImages(driver, conductor).store(ctx, new StoreImage(absent, "windlass-never-built/x:1"));
        }
        assertNull(pushes.get(absent));
    }

    /**
     * Answers {@code image_data} from {@link #uploads} and takes {@code store_image_data} into
     * {@link #pushes}, on the conductor's topic, as the conductor would.
     */
    private Channel fakeConductor() throws Exception {
        Channel channel = connection.createChannel();
        String queue = connection.declareTopicQueue(channel, RpcTopics.CONDUCTOR);
        channel.basicConsume(queue, true, (tag, delivery) -> {
            Envelope call = json.readValue(delivery.getBody(), Envelope.class);
            if (call.method().equals(ConductorRpcApi.STORE_IMAGE_DATA.name())) {
                ImageDataWrite write = json.convertValue(call.args(), ImageDataWrite.class);
                ByteArrayOutputStream into = pushes.computeIfAbsent(write.imageId(), k -> new ByteArrayOutputStream());
                assertEquals(into.size(), write.offset(), "slices come in order");
                into.writeBytes(write.data());
                if (write.last()) {
                    pushedMd5.put(write.imageId(), write.md5());
                }
                answer(channel, delivery.getProperties(), new RpcReply(json.valueToTree(new ImageDataStored(write.last())),
                        null));
                return;
            }
            if (!call.method().equals(ConductorRpcApi.IMAGE_DATA.name())) {
                return;
            }
            ImageDataRequest request = json.convertValue(call.args(), ImageDataRequest.class);
            Upload upload = uploads.get(request.imageId());
            RpcReply reply;
            if (upload == null) {
                reply = new RpcReply(null, new RpcReply.RemoteError("IllegalStateException", "Image "
                        + request.imageId() + " has no uploaded data to run (it is gone)"));
            } else {
                int from = (int) Math.min(request.offset(), upload.bytes().length);
                int to = Math.min(upload.bytes().length, from + Math.min(request.length(), 64 * 1024));
                slicesServed.incrementAndGet();
                reply = new RpcReply(json.valueToTree(new ImageData(upload.bytes().length, upload.checksum(),
                        Arrays.copyOfRange(upload.bytes(), from, to))), null);
            }
            answer(channel, delivery.getProperties(), reply);
        }, tag -> { });
        return channel;
    }

    private void answer(Channel channel, AMQP.BasicProperties call, RpcReply reply) throws java.io.IOException {
        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().contentType("application/json")
                .correlationId(call.getCorrelationId()).build();
        channel.basicPublish("", call.getReplyTo(), props, json.writeValueAsBytes(reply));
    }

    private static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }
}
