package io.windlass.zunimage;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.conductor.support.ContainerRows;
import io.windlass.conductor.support.FakeEdges;
import io.windlass.conductor.support.Poll;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RpcConnection;
import io.windlass.zunimage.persistence.ZunImageEntity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.windlass.conductor.support.FakeEdges.HOST;
import static io.windlass.conductor.support.FakeEdges.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Zun's image pull through the conductor (1.12) over real RabbitMQ and PostgreSQL, the host faked
 * at the edge: the host is asked to pull, and its report makes the row Pulled or Error once; a host
 * that is down fails the row without being asked.
 */
@QuarkusTest
class ZunImagePullsIT {
    private final RequestContext ctx = RequestContext.internal("conductor-it");

    @Inject
    ConductorRpcApi conductor;
    @Inject
    RpcConnection connection;
    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;
    @Inject
    ContainerRows hosts;

    FakeEdges edges;

    @BeforeEach
    void start() throws Exception {
        hosts.clear();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from zun_images").executeUpdate());
        edges = new FakeEdges(connection, json);
    }

    @AfterEach
    void stop() {
        edges.close();
    }

    @Test
    void theHostIsAskedAndItsReportEndsThePullOnce() throws Exception {
        hosts.insertHost(HOST, 0);
        UUID image = pulling("team/tiny", "v1", HOST);
        conductor.imagePull(ctx, new ImagePullRef(image.toString()));
        assertEquals(new PullImage(image.toString(), "team/tiny", "v1"), next(edges.imagePulls));

        conductor.reportImagePull(ctx, ImagePullReport.pulled(image.toString(), HOST, "sha256:c0ffee", 4404862));
        Poll.until("pulled", () -> row(image).status == ZunImageStatus.PULLED);
        assertEquals("sha256:c0ffee", row(image).imageId);
        assertEquals(4404862L, row(image).size);
        assertNull(row(image).statusReason);

        // a late or repeated report changes nothing; a redelivered pull asks nothing
        conductor.reportImagePull(ctx, ImagePullReport.failed(image.toString(), HOST, "too late"));
        conductor.imagePull(ctx, new ImagePullRef(image.toString()));
        Thread.sleep(500);
        assertEquals(ZunImageStatus.PULLED, row(image).status);
        assertTrue(edges.imagePulls.isEmpty());
    }

    @Test
    void aFailedPullKeepsTheEnginesReason() throws Exception {
        hosts.insertHost(HOST, 0);
        UUID image = pulling("windlass-never-built/absent", "latest", HOST);
        conductor.imagePull(ctx, new ImagePullRef(image.toString()));
        next(edges.imagePulls);
        String reason = "Image windlass-never-built/absent:latest could not be pulled on host " + HOST
                + ": Get \"https://registry-1.docker.io/v2/\": dial tcp: lookup registry-1.docker.io: no such host";
        conductor.reportImagePull(ctx, ImagePullReport.failed(image.toString(), HOST, reason));
        Poll.until("error", () -> row(image).status == ZunImageStatus.ERROR);
        assertEquals(reason, row(image).statusReason);
        assertNull(row(image).imageId);
    }

    @Test
    void aHostThatIsDownFailsThePullWithoutBeingAsked() throws Exception {
        hosts.insertHost(HOST, 3600);
        UUID image = pulling("busybox", "latest", HOST);
        conductor.imagePull(ctx, new ImagePullRef(image.toString()));
        Poll.until("error", () -> row(image).status == ZunImageStatus.ERROR);
        assertEquals("Compute host " + HOST + " is down: the image was not pulled.", row(image).statusReason);
        assertTrue(edges.imagePulls.isEmpty());
    }

    /** As the api-service inserts it. */
    private UUID pulling(String repo, String tag, String host) {
        UUID uuid = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into zun_images (uuid, project_id, user_id, repo, tag, host, status)
                        values (?1, 'p1', 'u1', ?2, ?3, ?4, 'Pulling')""")
                .setParameter(1, uuid).setParameter(2, repo).setParameter(3, tag).setParameter(4, host)
                .executeUpdate());
        return uuid;
    }

    private ZunImageEntity row(UUID uuid) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "from ZunImageEntity i where i.uuid = :uuid", ZunImageEntity.class).setParameter("uuid", uuid)
                .getSingleResult());
    }
}
