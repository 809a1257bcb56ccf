package io.windlass.agent.image;

import io.windlass.agent.container.ContainerDriver;
import io.windlass.agent.driver.DriverException;
import io.windlass.agent.driver.EngineImage;
import io.windlass.agent.driver.ImageInUseException;
import io.windlass.agent.driver.ImageUnavailableException;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RpcEndpoint;
import io.windlass.rpc.RpcHandlerException;
import io.windlass.zunimage.DeleteImage;
import io.windlass.zunimage.ImagePullReport;
import io.windlass.zunimage.PullImage;
import io.windlass.zunimage.SearchImages;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;

/**
 * Zun's images API on this host (compute RPC 1.19), named as Zun's compute manager names it:
 * {@code image_pull} keeps an image the engine has already (no registry is asked) and pulls a
 * missing one, then reports the engine's id and size, or the engine's reason, to the conductor;
 * {@code image_delete} takes the reference off the engine, refused ({@link DeleteImage#IN_USE}) while
 * a container uses the image; {@code image_search} asks the engine's registry. None of them touches
 * a workload, so none takes a workload lock.
 */
public final class ZunImages {
    private static final Logger LOG = Logger.getLogger(ZunImages.class);

    private final ContainerDriver driver;
    private final ConductorRpcApi conductor;
    private final String host;
    private final boolean pullAllowed;

    /** @param pullAllowed whether a missing image may be pulled from a registry (else it is an error), as for pre-caching */
    public ZunImages(ContainerDriver driver, ConductorRpcApi conductor, String host, boolean pullAllowed) {
        this.driver = driver;
        this.conductor = conductor;
        this.host = host;
        this.pullAllowed = pullAllowed;
    }

    public RpcEndpoint register(RpcEndpoint endpoint) {
        return endpoint
                .on(ComputeRpcApi.IMAGE_PULL, (ctx, r) -> {
                    report(ctx, pull(r));
                    return null;
                })
                .on(ComputeRpcApi.IMAGE_DELETE, (ctx, r) -> {
                    delete(r);
                    return null;
                })
                .on(ComputeRpcApi.IMAGE_SEARCH, (ctx, r) -> search(r));
    }

    /** The outcome of getting the image onto this host; never throws. */
    public ImagePullReport pull(PullImage request) {
        String reference = request.reference();
        try {
            Optional<EngineImage> held = driver.inspectImage(reference);
            if (held.isEmpty()) {
                if (!pullAllowed) {
                    return failed(request, "Image " + reference + " not found on host " + host
                            + " and pulling is disabled");
                }
                driver.pullImage(reference);
                held = driver.inspectImage(reference);
            } else {
                LOG.infof("image %s (%s) is on this host already: not pulled", reference, request.uuid());
            }
            if (held.isEmpty()) {
                return failed(request, "Image " + reference + " was pulled but the engine does not hold it");
            }
            LOG.infof("image %s (%s) is on this host as %s, %d bytes", reference, request.uuid(), held.get().id(),
                    held.get().size());
            return ImagePullReport.pulled(request.uuid(), host, held.get().id(), held.get().size());
        } catch (ImageUnavailableException e) {
            return failed(request, e.reasonOn(host));
        } catch (DriverException | IllegalArgumentException e) {
            // IllegalArgumentException: not a reference the engine's grammar reads
            return failed(request, e.getMessage());
        }
    }

    private ImagePullReport failed(PullImage request, String reason) {
        LOG.warnf("image %s (%s) is not on this host: %s", request.reference(), request.uuid(), reason);
        return ImagePullReport.failed(request.uuid(), host, reason);
    }

    private void report(RequestContext ctx, ImagePullReport report) {
        conductor.reportImagePull(ctx, report);
    }

    /** The reference off the engine; an image that is not here is no failure. */
    public void delete(DeleteImage request) {
        try {
            driver.removeImage(request.reference());
            LOG.infof("image %s (%s, engine id %s) removed", request.reference(), request.uuid(), request.imageId());
        } catch (ImageInUseException e) {
            LOG.infof("image %s (%s) stays: %s", request.reference(), request.uuid(), e.getMessage());
            throw new RpcHandlerException(DeleteImage.IN_USE, e.getMessage());
        } catch (DriverException e) {
            LOG.warnf("image %s (%s) could not be removed: %s", request.reference(), request.uuid(), e.getMessage());
            throw new RpcHandlerException("EngineError", e.getMessage());
        }
    }

    /** The registry's answer, only the exact name when asked (Zun's {@code exact_match}). */
    public SearchImages.Found search(SearchImages request) {
        List<SearchImages.Match> found;
        try {
            found = driver.searchImages(request.term());
        } catch (DriverException e) {
            LOG.infof("image search for %s failed: %s", request.term(), e.getMessage());
            throw new RpcHandlerException("EngineError", e.getMessage());
        }
        return new SearchImages.Found(request.exactMatch()
                ? found.stream().filter(m -> request.term().equals(m.name())).toList() : found);
    }
}
