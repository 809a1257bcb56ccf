package io.windlass.container.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.action.ActionLog;
import io.windlass.api.error.ConflictException;
import io.windlass.api.error.InvalidInputException;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.container.ContainerAction;
import io.windlass.container.policy.ContainerPolicy;
import io.windlass.context.RequestContext;
import io.windlass.image.CommitWorkload;
import io.windlass.image.ImageRef;
import io.windlass.image.ImageStatus;
import io.windlass.image.catalog.ImageCatalog;
import io.windlass.image.persistence.ImageEntity;
import io.windlass.image.service.MadeImages;
import io.windlass.rpc.RpcVersionCapExceeded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Zun's {@code commit}: a new image named after the repository, tagged {@code repository:tag} on
 * the container's host, in the catalogue once the host has committed it (the conductor's
 * {@code snapshot_workload}, as for a server's snapshot). New containers run it by that reference;
 * servers boot it by its id. A commit to a reference the project committed before replaces that
 * image, as the engine moves the tag; a reference the hosts brought (a base image every workload
 * shares) or another project's is refused.
 */
@ApplicationScoped
public class ContainerCommits {
    private static final Logger LOG = Logger.getLogger(ContainerCommits.class);
    /** The engine's repository grammar (distribution/reference): lowercase path components. */
    private static final Pattern REPOSITORY = Pattern.compile(
            "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");

    private final PlacedContainers containers;
    private final ImageCatalog catalog;
    private final MadeImages images;
    private final ConductorRpcApi conductor;
    private final ActionLog actions;
    private final EntityManager em;

    public ContainerCommits(PlacedContainers containers, ImageCatalog catalog, MadeImages images,
                            ConductorRpcApi conductor, ActionLog actions, EntityManager em) {
        this.containers = containers;
        this.catalog = catalog;
        this.images = images;
        this.conductor = conductor;
        this.actions = actions;
        this.em = em;
    }

    /** @return the new image's id, Zun's {@code uuid} */
    public UUID commit(RequestContext caller, String ident, String repository, String tag) {
        PlacedContainer c = containers.authorized(caller, ident, ContainerPolicy.COMMIT, ContainerAction.COMMIT);
        String reference = reference(repository, tag);
        if (catalog.isHostImage(reference)) {
            throw new ConflictException("Conflict", "Image " + reference + " is one the compute hosts hold; "
                    + "commit to another repository or tag.");
        }
        UUID image;
        try {
            image = QuarkusTransaction.requiringNew().call(() -> {
                replaceEarlier(c.projectId(), reference);
                ImageEntity made = images.saving(new MadeImages.Plan(CommitWorkload.CONTAINER, c.uuid(), c.projectId(),
                        repository, reference, Map.of(), 0));
                actions.record(caller, ActionLog.CONTAINER, c.uuid(), c.projectId(), "commit");
                conductor.snapshotWorkload(caller, new ImageRef(made.id.toString(), null));
                return made.id;
            });
        } catch (RpcVersionCapExceeded e) {
            throw new ConflictException("UnsupportedRPCVersion", e.getMessage());
        }
        LOG.infof("container %s: commit to %s requested as image %s", c.uuid(), reference, image);
        return image;
    }

    /** The project's earlier image of the reference is replaced; another project's, or one still saving, is not. */
    private void replaceEarlier(String project, String reference) {
        em.createQuery("from ImageEntity i where i.reference = :ref and i.status <> :deleted", ImageEntity.class)
                .setParameter("ref", reference).setParameter("deleted", ImageStatus.DELETED)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().forEach(earlier -> {
                    if (!earlier.owner.equals(project)) {
                        throw new ConflictException("Conflict", "Image " + reference + " belongs to another project.");
                    }
                    if (earlier.status == ImageStatus.SAVING) {
                        throw new ConflictException("Conflict", "Image " + reference + " is being committed already.");
                    }
                    earlier.status = ImageStatus.DELETED;
                    earlier.updatedAt = Instant.now();
                });
    }

    /** {@code repository:tag}, or a 400 naming what the engine would refuse. */
    static String reference(String repository, String tag) {
        if (!REPOSITORY.matcher(repository).matches()) {
            throw InvalidInputException.query("repository", repository, "Invalid repository name: it must be "
                    + "lowercase letters, digits and separators (. _ -) in components separated by /.");
        }
        if (repository.startsWith("windlass-image/")) {
            throw InvalidInputException.query("repository", repository, "The repository windlass-image is reserved "
                    + "for images made from servers.");
        }
        if (tag != null && !TAG.matcher(tag).matches()) {
            throw InvalidInputException.query("tag", tag, "Invalid tag: at most 128 letters, digits, _ . and -, "
                    + "not starting with . or -.");
        }
        return repository + ":" + (tag == null ? "latest" : tag);
    }
}
