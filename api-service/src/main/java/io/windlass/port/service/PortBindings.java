package io.windlass.port.service;

import io.windlass.port.persistence.PortRecord;
import io.windlass.port.persistence.PortRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;

/**
 * Ports for workloads, called by the container and server create and delete flows inside their
 * own transaction (so that the workload row and its port change commit or roll back together).
 * No API policy applies here: the flows have already authorised their caller; the checks are
 * the ones Zun and Nova make of a port they are given.
 */
@ApplicationScoped
public class PortBindings {
    private final PortRepository ports;
    private final PortWriter writer;

    public PortBindings(PortRepository ports, PortWriter writer) {
        this.ports = ports;
        this.writer = writer;
    }

    /**
     * Binds an existing port to a device on a host: it must be the project's, without a device, and DOWN.
     *
     * @throws PortBindingException NOT_FOUND, NOT_USABLE or IN_USE
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PortRecord bind(String projectId, String portId, String deviceId, String deviceOwner, String hostId) {
        PortRecord p = ports.lock(portId)
                .orElseThrow(() -> new PortBindingException(PortBindingException.Reason.NOT_FOUND, portId));
        if (!p.projectId().equals(projectId)) {
            throw new PortBindingException(PortBindingException.Reason.NOT_USABLE, portId);
        }
        if (!p.deviceId().isEmpty()) {
            throw new PortBindingException(PortBindingException.Reason.IN_USE, portId);
        }
        if (!"DOWN".equals(p.status())) {
            throw new PortBindingException(PortBindingException.Reason.NOT_USABLE, portId);
        }
        return writer.update(withBinding(p, deviceId, deviceOwner, hostId), null, null);
    }

    /**
     * A new port of the project on the network for a device, bound to the host.
     *
     * @param fixedIp        null for the network's default allocation
     * @param securityGroups the port's group ids, of the project; null: the project's default group
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PortRecord createFor(String projectId, String networkId, String fixedIp, String deviceId,
                                String deviceOwner, String hostId, List<String> securityGroups) {
        return writer.create(new NewPort(networkId, projectId, "", "", true, null,
                fixedIp == null ? null : List.of(new IpRequest(null, fixedIp)), deviceId, deviceOwner, hostId,
                "normal", Map.of(), true, securityGroups));
    }

    /** Keeps a pre-existing port for reuse: no device, no host, unbound and DOWN. Absent ports are ignored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void unbind(String portId) {
        ports.lock(portId).ifPresent(p -> writer.update(withBinding(p, "", "", ""), null, null));
    }

    /** Deletes a port the workload's flow created; an absent port is ignored, as Nova and Zun ignore its 404. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void delete(String portId) {
        ports.lock(portId).ifPresent(p -> ports.delete(portId));
    }

    private static PortRecord withBinding(PortRecord p, String deviceId, String deviceOwner, String hostId) {
        PortBindingState binding = PortBindingState.of(hostId);
        return new PortRecord(p.id(), p.networkId(), p.projectId(), p.name(), p.description(), p.macAddress(),
                p.adminStateUp(), binding.status(), deviceId, deviceOwner, binding.hostId(), binding.vifType(),
                p.bindingVnicType(), p.bindingProfile(), p.portSecurityEnabled(), p.fixedIps(), p.securityGroups(),
                p.createdAt(), p.updatedAt(), p.revisionNumber());
    }
}
