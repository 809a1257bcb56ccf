package io.windlass.server;

import io.windlass.compute.ComputeRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.image.ImageStatus;
import io.windlass.image.RemoveImage;
import io.windlass.image.persistence.ImageEntity;
import io.windlass.rpc.RpcException;
import io.windlass.server.persistence.ServerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * The image a shelved server was committed to, once the server runs again: Nova deletes it then
 * ({@code _delete_snapshot_of_shelved_instance}), so it leaves the catalogue. A server unshelved
 * where it was shelved runs from its own engine container, so the host is told to remove the image's
 * bytes; a server spawned from the image after an offload runs from them, and the host removes them
 * with that container.
 */
@ApplicationScoped
public class ShelvedImages {
    private static final Logger LOG = Logger.getLogger(ShelvedImages.class);

    private final EntityManager em;
    private final ComputeRpcApi compute;
    private final TransactionSynchronizationRegistry transactions;

    public ShelvedImages(EntityManager em, ComputeRpcApi compute, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.compute = compute;
        this.transactions = transactions;
    }

    /**
     * In the transaction that makes the server active again.
     *
     * @param runsFromIt whether the server's engine container was spawned from the image (an unshelve after an
     *                   offload); otherwise the image is removed from its host once this transaction commits
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void unshelved(ServerEntity server, boolean runsFromIt) {
        ImageEntity image = em.find(ImageEntity.class, server.shelvedImageId);
        if (image != null && image.status != ImageStatus.DELETED) {
            image.status = ImageStatus.DELETED;
            image.updatedAt = Instant.now();
            if (!runsFromIt && image.host != null) {
                removeAfterCommit(server.uuid.toString(), image.host, image.reference);
            }
        }
        server.shelvedImageId = null;
        server.shelvedImage = null;
        server.shelvedAt = null;
    }

    /** After the commit only: a rolled-back unshelve still needs the image. */
    private void removeAfterCommit(String server, String host, String reference) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before: the cast waits for the outcome
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    return;
                }
                try {
                    compute.removeImage(host, RequestContext.internal("conductor-service"), new RemoveImage(reference));
                    LOG.infof("server %s unshelved on %s: asked it to remove the shelved image %s", server, host,
                            reference);
                } catch (RpcException e) {
                    // the catalogue shows the image no more; only the host's bytes stay
                    LOG.warnf("server %s unshelved, but host %s was not told to remove its shelved image %s: %s",
                            server, host, reference, e.getMessage());
                }
            }
        });
    }
}
