package io.windlass.agent.image;

import io.windlass.agent.container.ContainerDriver;
import io.windlass.agent.driver.DriverException;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.rpc.RpcEndpoint;
import org.jboss.logging.Logger;

/**
 * {@code remove_image} (compute RPC 1.14): an image Windlass made is taken off this host once its
 * row is deleted. The engine refuses while a workload still runs from it; that is no failure to
 * retry (the row is gone either way, and the catalogue ignores the reference), so it is logged.
 */
public final class ImageRemover {
    private static final Logger LOG = Logger.getLogger(ImageRemover.class);

    private final ContainerDriver driver;

    public ImageRemover(ContainerDriver driver) {
        this.driver = driver;
    }

    public RpcEndpoint register(RpcEndpoint endpoint) {
        return endpoint.on(ComputeRpcApi.REMOVE_IMAGE, (ctx, r) -> {
            try {
                driver.removeImage(r.reference());
                LOG.infof("removed image %s", r.reference());
            } catch (DriverException e) {
                LOG.warnf("image %s stays on this host: %s", r.reference(), e.getMessage());
            }
            return null;
        });
    }
}
