package io.windlass.host.service;

import io.windlass.api.error.ApiException;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.host.persistence.ComputeHostRepository;
import io.windlass.host.persistence.HostClaimRepository;
import io.windlass.hypervisor.service.Hypervisors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;

/**
 * What Nova's {@code os-hosts} does ({@code nova/api/openstack/compute/hosts.py} over
 * {@code HostAPI}): list the services' hosts, show a compute host's resources, enable or disable
 * it, and refuse what Nova's libvirt driver refuses.
 */
@ApplicationScoped
public class HostOperations {
    /** {@code common.raise_feature_not_supported}'s default explanation. */
    static final String NOT_SUPPORTED = "The requested functionality is not supported.";

    private final ComputeServices services;
    private final ControlPlaneServices controlPlane;
    private final ComputeHostRepository hosts;
    private final Hypervisors hypervisors;
    private final HostClaimRepository claims;

    public HostOperations(ComputeServices services, ControlPlaneServices controlPlane, ComputeHostRepository hosts,
                          Hypervisors hypervisors, HostClaimRepository claims) {
        this.services = services;
        this.controlPlane = controlPlane;
        this.hosts = hosts;
        this.hypervisors = hypervisors;
        this.claims = claims;
    }

    /**
     * The control-plane services, then the enabled compute hosts (Nova lists its services with
     * {@code disabled=False}, so a disabled compute host is not listed), in {@code zone} when one is
     * given: an empty zone is no filter, as in Nova.
     */
    public List<HostEntry> list(String zone) {
        List<HostEntry> all = new ArrayList<>(controlPlane.running());
        services.list().stream().filter(s -> !s.host().disabled())
                .map(s -> new HostEntry(s.host().host(), HostEntry.COMPUTE, s.zone())).forEach(all::add);
        return zone == null || zone.isEmpty() ? all : all.stream().filter(h -> h.zone().equals(zone)).toList();
    }

    /** @throws ResourceNotFoundException when {@code host} is no compute host */
    @Transactional
    public List<HostResource> resources(String host) {
        return HostResource.of(hypervisors.byHost(host).orElseThrow(() -> notMapped(host)), claims.byProject(host));
    }

    /**
     * Whether the host takes new workloads. Nova's compute manager marks its resource provider
     * {@code COMPUTE_STATUS_DISABLED} for the scheduler and leaves the service record alone; Windlass'
     * scheduler skips disabled services instead, so this is os-services' switch (without a reason).
     *
     * @return Nova's answer, {@code enabled} or {@code disabled}
     * @throws ResourceNotFoundException when {@code host} is no compute host
     */
    @Transactional
    public String setEnabled(String host, boolean enabled) {
        requireComputeHost(host);
        services.setStatus(host, !enabled, null);
        return enabled ? "enabled" : "disabled";
    }

    /**
     * Maintenance mode and the host power actions ({@code startup}, {@code shutdown}, {@code reboot})
     * reach Nova's virt driver, and only the long-gone XenAPI driver had them: libvirt raises
     * {@code NotImplementedError}, which the API answers 501. Windlass' agents have nothing closer
     * (they run workloads on a host, they do not power it), so they are refused the same way, once
     * the host is known to exist.
     *
     * @throws ResourceNotFoundException when {@code host} is no compute host
     */
    @Transactional
    public ApiException notSupportedOn(String host) {
        requireComputeHost(host);
        return new ApiException(501, "NotImplemented", NOT_SUPPORTED);
    }

    private void requireComputeHost(String host) {
        if (!hosts.exists(host)) {
            throw notMapped(host);
        }
    }

    /** Nova looks the host's cell mapping up first; an unknown host, or one that is not a compute, has none. */
    private static ResourceNotFoundException notMapped(String host) {
        return new ResourceNotFoundException("HostMappingNotFound", "Host '" + host + "' is not mapped to any cell");
    }
}
