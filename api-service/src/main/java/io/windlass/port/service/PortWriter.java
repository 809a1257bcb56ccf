package io.windlass.port.service;

import io.windlass.network.persistence.NetworkRecord;
import io.windlass.network.persistence.NetworkRepository;
import io.windlass.networking.NetworkingQuota;
import io.windlass.networking.NeutronException;
import io.windlass.port.persistence.FixedIp;
import io.windlass.port.persistence.IpAllocationRepository;
import io.windlass.port.persistence.PortRecord;
import io.windlass.port.persistence.PortRepository;
import io.windlass.securitygroup.service.PortSecurityGroups;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Creates ports once the caller is allowed to: the row with a unique MAC, its addresses, its
 * security groups and its quota, in the caller's transaction, so that any failure leaves nothing.
 */
@ApplicationScoped
public class PortWriter {
    private static final int MAC_TRIES = 16;

    private final PortRepository ports;
    private final NetworkRepository networks;
    private final IpAllocator allocator;
    private final PortSecurityGroups securityGroups;
    private final NetworkingQuota quota;
    private final IpAllocationRepository allocations;

    public PortWriter(PortRepository ports, NetworkRepository networks, IpAllocator allocator,
                      PortSecurityGroups securityGroups, NetworkingQuota quota, IpAllocationRepository allocations) {
        this.allocations = allocations;
        this.ports = ports;
        this.networks = networks;
        this.allocator = allocator;
        this.securityGroups = securityGroups;
        this.quota = quota;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public PortRecord create(NewPort port) {
        NetworkRecord network = networks.lock(port.networkId(), false)
                .orElseThrow(() -> NeutronException.networkNotFound(port.networkId()));
        quota.reserve(port.projectId(), NetworkingQuota.Resource.PORT, 1);
        List<String> groups = securityGroups.choose(port.projectId(), port.securityGroups(),
                port.portSecurityEnabled(), port.deviceOwner());
        String id = UUID.randomUUID().toString();
        PortBindingState binding = PortBindingState.of(port.bindingHostId());
        String mac;
        for (int attempt = 0; ; attempt++) {
            mac = port.macAddress() != null ? port.macAddress() : MacAddresses.generate(ThreadLocalRandom.current());
            PortRecord row = new PortRecord(id, network.id(), port.projectId(), port.name(), port.description(), mac,
                    port.adminStateUp(), binding.status(), port.deviceId(), port.deviceOwner(), binding.hostId(),
                    binding.vifType(), port.bindingVnicType(), port.bindingProfile() == null ? Map.of()
                    : port.bindingProfile(), port.portSecurityEnabled(), List.of(), groups, null, null, 1);
            if (ports.insert(row)) {
                break;
            }
            if (port.macAddress() != null) {
                throw macInUse(network.id(), mac);
            }
            if (attempt == MAC_TRIES) {
                throw new NeutronException(503, "MacAddressGenerationFailure",
                        "Unable to generate unique mac on network " + network.id() + ".");
            }
        }
        allocator.allocate(network.id(), id, mac, port.fixedIps(), isRouter(port.deviceOwner()), List.of());
        securityGroups.attach(id, groups);
        return ports.find(id).orElseThrow();
    }

    /**
     * Writes the changed port; given addresses replace the old ones, except those asked for again
     * (by address, or by subnet alone where the port already has one there), which it keeps.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PortRecord update(PortRecord changed, List<IpRequest> fixedIps, List<String> groups) {
        if (!ports.update(changed)) {
            throw macInUse(changed.networkId(), changed.macAddress());
        }
        if (fixedIps != null) {
            List<FixedIp> keep = changed.fixedIps().stream().filter(held -> fixedIps.stream().anyMatch(r ->
                    held.ipAddress().equals(r.ipAddress()) || r.ipAddress() == null && held.subnetId().equals(r.subnetId())))
                    .toList();
            allocations.releaseExcept(changed.id(), keep);
            allocator.allocate(changed.networkId(), changed.id(), changed.macAddress(), fixedIps,
                    isRouter(changed.deviceOwner()), keep);
        }
        if (groups != null) {
            securityGroups.attach(changed.id(), groups);
        }
        return ports.find(changed.id()).orElseThrow();
    }

    private static boolean isRouter(String deviceOwner) {
        return PortRecord.ROUTER_INTERFACE.equals(deviceOwner);
    }

    private static NeutronException macInUse(String networkId, String mac) {
        return NeutronException.conflict("MacAddressInUse", "Unable to complete operation for network " + networkId
                + ". The mac address " + mac + " is in use.");
    }
}
