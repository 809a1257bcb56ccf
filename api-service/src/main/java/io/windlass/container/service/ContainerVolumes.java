package io.windlass.container.service;

import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.api.error.ServiceUnavailableException;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.container.FindVolumes;
import io.windlass.container.VolumeMount;
import io.windlass.context.RequestContext;
import io.windlass.host.ServiceLivenessConfig;
import io.windlass.host.persistence.ComputeHostRecord;
import io.windlass.host.persistence.ComputeHostRepository;
import io.windlass.rpc.RpcException;
import io.windlass.rpc.RpcVersionCapExceeded;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Zun's {@code mounts} on engine named volumes, decided before the create's transaction. A volume named
 * by {@code source} lives on one host's engine: the hosts that are up (or the one an admin asked for) are
 * asked which of the names they have for the project (compute {@code find_volumes}), and the container is
 * placed on the first that has them all; none has: Zun's 404 {@code Volume <name> could not be found.}
 * A mount with {@code size} and no {@code source} gets a volume made for the container by its host and
 * removed with it (Zun's {@code auto_remove} volumes).
 */
@ApplicationScoped
public class ContainerVolumes {
    private static final Logger LOG = Logger.getLogger(ContainerVolumes.class);

    private final ComputeHostRepository hosts;
    private final ServiceLivenessConfig liveness;
    private final ComputeRpcApi compute;

    public ContainerVolumes(ComputeHostRepository hosts, ServiceLivenessConfig liveness, ComputeRpcApi compute) {
        this.hosts = hosts;
        this.liveness = liveness;
        this.compute = compute;
    }

    /**
     * The container's mounts and the host its named volumes pin it to.
     *
     * @param host the host an admin asked for, or null
     * @return the host (unchanged when no volume is named)
     */
    public Resolved resolve(RequestContext caller, UUID container, String projectId, String host,
                            List<RequestedMount> asked) {
        List<VolumeMount> mounts = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            RequestedMount m = asked.get(i);
            mounts.add(m.source() != null ? new VolumeMount(m.source(), m.destination(), false)
                    : new VolumeMount("windlass-" + container + "-" + i, m.destination(), true));
        }
        List<String> named = mounts.stream().filter(m -> !m.made()).map(VolumeMount::volume).distinct().toList();
        if (named.isEmpty()) {
            return new Resolved(mounts, host);
        }
        List<String> candidates = host != null ? List.of(host) : hosts.list().stream()
                .filter(h -> !h.disabled() && h.up(liveness.serviceDownTime())).map(ComputeHostRecord::host)
                .sorted().toList();
        List<String> bestFound = List.of();
        for (String candidate : candidates) {
            List<String> found;
            try {
                found = compute.findVolumes(candidate, caller, new FindVolumes(projectId, named)).names();
            } catch (RpcVersionCapExceeded e) {
                throw new ServiceUnavailableException("ServiceUnavailable", "Mounts of existing volumes need "
                        + "compute RPC " + ComputeRpcApi.CONTAINER_FIELDS + ": " + e.getMessage());
            } catch (RpcException e) {
                LOG.infof("container %s: host %s did not say which volumes it has: %s", container, candidate,
                        e.getMessage());
                continue;
            }
            if (found.containsAll(named)) {
                LOG.infof("container %s: volumes %s on host %s", container, named, candidate);
                return new Resolved(mounts, candidate);
            }
            bestFound = found.size() > bestFound.size() ? found : bestFound;
        }
        List<String> seen = bestFound;
        String missing = named.stream().filter(n -> !seen.contains(n)).findFirst().orElseThrow();
        throw new ResourceNotFoundException("VolumeNotFound", "Volume " + missing + " could not be found.");
    }

    /**
     * @param mounts the container's mounts
     * @param host   the host the container must go to, or null for any
     */
    public record Resolved(List<VolumeMount> mounts, String host) {
    }
}
