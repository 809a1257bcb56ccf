package io.windlass.zunimage.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.api.error.ConflictException;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.api.error.RpcFailures;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.host.service.ZunHosts;
import io.windlass.rpc.RpcException;
import io.windlass.rpc.RpcVersionCapExceeded;
import io.windlass.zunimage.DeleteImage;
import io.windlass.zunimage.ImagePullRef;
import io.windlass.zunimage.ZunImageStatus;
import io.windlass.zunimage.persistence.ZunImageEntity;
import io.windlass.zunimage.persistence.ZunImageRepository;
import io.windlass.zunimage.policy.ZunImagePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Zun's images API ({@code zun/api/controllers/v1/images.py}): an admin pulls an image onto a host,
 * lists and shows what was pulled, deletes it from the host. The pull is Windlass's usual shape: the
 * row (Pulling) and the conductor's {@code image_pull} commit together and the request is answered
 * 202; the host reports how it went. A delete waits for the host (compute {@code image_delete}), so
 * that the engine's refusal of an image a container uses is the caller's 409, and only then removes
 * the row. Visibility is Zun's: a list shows the caller's project's images; an admin reaches any
 * image by its uuid, anyone else only their project's.
 */
@ApplicationScoped
public class ZunImageService {
    private static final Logger LOG = Logger.getLogger(ZunImageService.class);

    private final ZunImageRepository images;
    private final ZunImagePolicy policy;
    private final ZunHosts hosts;
    private final ConductorRpcApi conductor;
    private final ComputeRpcApi compute;
    private final EntityManager em;

    public ZunImageService(ZunImageRepository images, ZunImagePolicy policy, ZunHosts hosts,
                           ConductorRpcApi conductor, ComputeRpcApi compute, EntityManager em) {
        this.images = images;
        this.policy = policy;
        this.hosts = hosts;
        this.conductor = conductor;
        this.compute = compute;
        this.em = em;
    }

    /**
     * @param repo the request's {@code repo}, with its tag if any
     * @param host a host's name or uuid
     */
    public ZunImageEntity pull(RequestContext caller, String repo, String host) {
        policy.authorize(ZunImagePolicy.PULL, caller, caller.projectId());
        ImageName name = ImageName.parse("repo", repo);
        String hostname = hosts.find(host).map(h -> h.hypervisor().hostname()).orElseThrow(() ->
                new InvalidInputException("InvalidValue", "The host " + host + " does not exist."));
        ZunImageEntity row;
        try {
            row = QuarkusTransaction.requiringNew().call(() -> {
                if (images.exists(name.repo(), name.tag(), hostname)) {
                    throw alreadyExists(name);
                }
                ZunImageEntity image = newRow(caller, name, hostname);
                em.persist(image);
                em.flush();
                conductor.imagePull(caller, new ImagePullRef(image.uuid.toString()));
                return image;
            });
        } catch (RpcVersionCapExceeded e) {
            throw new ConflictException("UnsupportedRPCVersion", e.getMessage());
        } catch (PersistenceException e) {
            // the same image pulled onto the same host by a request that committed first
            if (QuarkusTransaction.requiringNew().call(() -> images.exists(name.repo(), name.tag(), hostname))) {
                throw alreadyExists(name);
            }
            throw e;
        }
        LOG.infof("zun image %s: %s:%s to be pulled onto %s", row.uuid, row.repo, row.tag, hostname);
        return row;
    }

    private static ZunImageEntity newRow(RequestContext caller, ImageName name, String hostname) {
        ZunImageEntity image = new ZunImageEntity();
        image.uuid = UUID.randomUUID();
        image.projectId = caller.projectId();
        image.userId = caller.userId();
        image.repo = name.repo();
        image.tag = name.tag();
        image.host = hostname;
        image.status = ZunImageStatus.PULLING;
        image.createdAt = Instant.now();
        image.updatedAt = image.createdAt;
        return image;
    }

    private static ConflictException alreadyExists(ImageName name) {
        return new ConflictException("ImageAlreadyExists", "An image with tag " + name.tag() + " and repo "
                + name.repo() + " already exists.");
    }

    /** One page of the caller's project's images, as Zun lists them. */
    public List<ZunImageEntity> list(RequestContext caller, String marker, String sortKey, boolean ascending,
                                     int limit) {
        policy.authorize(ZunImagePolicy.GET_ALL, caller, caller.projectId());
        return QuarkusTransaction.requiringNew().call(() -> {
            ZunImageEntity after = marker == null ? null : images.find(uuid(marker))
                    .filter(i -> i.projectId.equals(caller.projectId())).orElseThrow(() -> notFound(marker));
            return images.page(new ZunImageRepository.Page(caller.projectId(), sortKey, ascending, limit, after));
        });
    }

    public ZunImageEntity show(RequestContext caller, String ident) {
        ZunImageEntity image = visible(caller, ident);
        policy.authorize(ZunImagePolicy.GET_ONE, caller, image.projectId);
        return image;
    }

    /** The image off its host (when the pull put it there), then the row. */
    public void delete(RequestContext caller, String ident) {
        policy.authorize(ZunImagePolicy.DELETE, caller, caller.projectId());
        ZunImageEntity image = visible(caller, ident);
        if (image.status == ZunImageStatus.PULLING) {
            throw new ConflictException(ConflictException.INVALID_STATE, "Image " + image.uuid
                    + " is being pulled onto host " + image.host + "; delete it once the pull has ended.");
        }
        if (image.status == ZunImageStatus.PULLED) {
            removeFromHost(caller, image);
        }
        QuarkusTransaction.requiringNew().run(() -> images.lock(image.uuid).ifPresent(em::remove));
        LOG.infof("zun image %s (%s on %s) deleted", image.uuid, image.reference(), image.host);
    }

    private void removeFromHost(RequestContext caller, ZunImageEntity image) {
        try {
            compute.imageDelete(image.host, caller, new DeleteImage(image.uuid.toString(), image.repo, image.tag,
                    image.imageId));
        } catch (RpcVersionCapExceeded e) {
            throw new ConflictException("UnsupportedRPCVersion", e.getMessage());
        } catch (RpcException e) {
            // the engine's refusal in its words (a container uses the image) is a 409; a silent host a 503
            throw RpcFailures.toApi(e, "ComputeHostNotUp", "Compute host " + image.host
                    + " did not answer; the image stays. Try again later.");
        }
    }

    /** Zun's {@code get_resource}: an admin's for any project, anyone else's only in their own. */
    private ZunImageEntity visible(RequestContext caller, String ident) {
        return QuarkusTransaction.requiringNew().call(() -> images.find(uuid(ident)))
                .filter(i -> caller.isAdmin() || i.projectId.equals(caller.projectId()))
                .orElseThrow(() -> notFound(ident));
    }

    private static UUID uuid(String ident) {
        try {
            return UUID.fromString(ident);
        } catch (IllegalArgumentException e) {
            throw notFound(ident);
        }
    }

    private static ResourceNotFoundException notFound(String ident) {
        return new ResourceNotFoundException("ImageNotFound", "Image " + ident + " could not be found.");
    }
}
