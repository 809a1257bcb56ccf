package io.windlass.zunimage;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.conductor.config.ConductorConfig;
import io.windlass.context.RequestContext;
import io.windlass.host.ServiceLivenessConfig;
import io.windlass.rpc.RpcVersionCapExceeded;
import io.windlass.zunimage.persistence.ZunImageEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Zun's image pull (conductor 1.12): the api-service has written the {@code zun_images} row
 * ({@link ZunImageStatus#PULLING}); its host is asked to get the image (compute {@code image_pull})
 * and reports back ({@code report_image_pull}), and the row becomes {@link ZunImageStatus#PULLED}
 * with the engine's id and size, or {@link ZunImageStatus#ERROR} with the engine's reason. A host
 * that is down, or an agent too old for the method, fails the row at once; a pull whose report never
 * came is failed after {@code windlass.conductor.image-pull-timeout}. Only a Pulling row is written,
 * so redelivered messages and late reports change nothing.
 */
@ApplicationScoped
public class ZunImagePulls {
    private static final Logger LOG = Logger.getLogger(ZunImagePulls.class);

    private final EntityManager em;
    private final ComputeRpcApi compute;
    private final ServiceLivenessConfig liveness;
    private final ConductorConfig config;

    public ZunImagePulls(EntityManager em, ComputeRpcApi compute, ServiceLivenessConfig liveness,
                         ConductorConfig config) {
        this.em = em;
        this.compute = compute;
        this.liveness = liveness;
        this.config = config;
    }

    public void pull(RequestContext ctx, ImagePullRef ref) {
        UUID uuid = UUID.fromString(ref.uuid());
        Optional<ZunImageEntity> pulling = QuarkusTransaction.requiringNew().call(() -> row(uuid, LockModeType.NONE)
                .filter(i -> i.status == ZunImageStatus.PULLING));
        if (pulling.isEmpty()) {
            LOG.infof("zun image %s: not pulling, nothing to do", uuid);
            return;
        }
        ZunImageEntity image = pulling.get();
        if (!hostUp(image.host)) {
            end(uuid, null, "Compute host " + image.host + " is down: the image was not pulled.");
            return;
        }
        try {
            compute.imagePull(image.host, ctx, new PullImage(uuid.toString(), image.repo, image.tag));
            LOG.infof("zun image %s: %s asked of host %s", uuid, image.reference(), image.host);
        } catch (RpcVersionCapExceeded e) {
            end(uuid, null, "Cannot pull the image on host " + image.host + ": " + e.getMessage());
        }
    }

    public void report(RequestContext ctx, ImagePullReport report) {
        end(UUID.fromString(report.uuid()), report, report.failure());
    }

    /** The row's outcome, once: a row no longer Pulling (done, or deleted) is left as it is. */
    private void end(UUID uuid, ImagePullReport report, String failure) {
        boolean written = QuarkusTransaction.requiringNew().call(() -> row(uuid, LockModeType.PESSIMISTIC_WRITE)
                .filter(i -> i.status == ZunImageStatus.PULLING).map(i -> {
                    i.status = failure == null ? ZunImageStatus.PULLED : ZunImageStatus.ERROR;
                    i.statusReason = failure;
                    i.imageId = report == null ? null : report.imageId();
                    i.size = report == null ? null : report.size();
                    i.updatedAt = Instant.now();
                    return true;
                }).orElse(false));
        if (!written) {
            LOG.infof("zun image %s: no longer pulling, outcome ignored", uuid);
        } else if (failure != null) {
            LOG.warnf("zun image %s: pull failed: %s", uuid, failure);
        } else {
            LOG.infof("zun image %s: pulled on %s as %s (%d bytes)", uuid, report.host(), report.imageId(),
                    report.size());
        }
    }

    /**
     * Pulls whose host never reported (its agent gone for good, the message lost with its queue) end
     * in Error: nothing stays Pulling past the pull timeout and one reconcile period.
     */
    @Scheduled(every = "${windlass.conductor.reconcile-interval:30s}", delayed = "${windlass.conductor.reconcile-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void failStale() {
        Instant cutoff = Instant.now().minus(config.imagePullTimeout());
        try {
            List<UUID> stale = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                    "select i.uuid from ZunImageEntity i where i.status = :pulling and i.updatedAt < :cutoff", UUID.class)
                    .setParameter("pulling", ZunImageStatus.PULLING).setParameter("cutoff", cutoff).getResultList());
            stale.forEach(uuid -> end(uuid, null, "The host did not report the pull within "
                    + config.imagePullTimeout() + "."));
        } catch (RuntimeException e) {
            // the database away (a restart, a failover): the next round looks again
            LOG.warnf("looking for stale image pulls failed: %s", e.getMessage());
        }
    }

    private Optional<ZunImageEntity> row(UUID uuid, LockModeType lock) {
        return em.createQuery("from ZunImageEntity i where i.uuid = :uuid", ZunImageEntity.class)
                .setParameter("uuid", uuid).setLockMode(lock).getResultStream().findFirst();
    }

    private boolean hostUp(String host) {
        return QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery("""
                        SELECT 1 FROM compute_hosts
                        WHERE host = :host AND last_heartbeat_at > now() - make_interval(secs => :down)""")
                .setParameter("host", host).setParameter("down", (double) liveness.serviceDownTime().toSeconds())
                .getResultList().isEmpty());
    }
}
