package io.windlass.container;

import io.windlass.container.persistence.ContainerEntity;
import io.windlass.network.BoundPort;
import io.windlass.scheduler.ResourceRequest;
import io.windlass.workload.LeftoverImage;
import io.windlass.workload.ZunWorkloadRules;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Zun containers in the one lifecycle: what a container asks of a host and what its reports write. */
@ApplicationScoped
public class ContainerRules extends ZunWorkloadRules<ContainerEntity, ContainerStatusReport> {
    private static final Set<ContainerStatus> HEALED_FROM = EnumSet.of(ContainerStatus.CREATED,
            ContainerStatus.RUNNING, ContainerStatus.STOPPED, ContainerStatus.ERROR);

    @Override
    public String kind() {
        return "container";
    }

    @Override
    protected String noun() {
        return "Container";
    }

    @Override
    public Class<ContainerEntity> rowType() {
        return ContainerEntity.class;
    }

    @Override
    protected boolean removedWithEngine(ContainerEntity row) {
        return row.autoRemove;
    }

    /**
     * Zun's {@code auto_heal}: a container the engine lost is made again, in the states Zun rebuilds
     * from ({@code VALID_STATES['rebuild']}); not while an operation on it runs, whose own end decides.
     */
    @Override
    protected boolean healsWhenLost(ContainerEntity row) {
        return row.autoHeal && row.taskState == null && HEALED_FROM.contains(row.status);
    }

    @Override
    public void heal(ContainerEntity row) {
        super.heal(row);
        row.engineId = null;
    }

    /**
     * What the host needs to create it (the agent has no database), but for its registry's login, which
     * {@link io.windlass.registry.RegistryLogins} adds.
     */
    public ContainerSpec spec(ContainerEntity row) {
        return new ContainerSpec(row.uuid.toString(), row.name, row.image, row.command, row.entrypoint, row.cpu,
                row.memory, row.workdir, row.hostname, row.environment, row.labels,
                row.restartPolicy, row.interactive, row.tty, row.imagePullPolicy, row.autoRemove,
                row.projectId, row.exposedPorts, row.healthcheck, row.mounts, row.runtime, row.cpuPolicy, null,
                row.privileged);
    }

    @Override
    public ResourceRequest resources(ContainerEntity row) {
        // labels are the container's properties for the aggregate extra-specs filter; containers have
        // no image metadata service yet, hence no image properties. A dedicated container pins whole CPUs,
        // as many as the host's driver takes for it (the CPUs rounded up).
        return new ResourceRequest(row.uuid.toString(), kind(), row.projectId, row.cpu, row.memory, row.disk,
                row.availabilityZone, row.requestedHost, row.labels == null ? Map.of() : row.labels,
                row.schedulerHints == null ? Map.of() : row.schedulerHints, Map.of(), row.runtime,
                "dedicated".equals(row.cpuPolicy) ? (int) Math.ceil(row.cpu) : 0);
    }

    /** A create or start that failed in the engine removed what it made. */
    @Override
    public boolean leftNothing(ContainerEntity row, ContainerStatusReport report) {
        return report.status() == ContainerStatus.ERROR && report.engineId() == null && row.host != null;
    }

    /** A running container shows an address on each network it is on, keyed by the network's uuid. */
    @Override
    public Optional<Set<String>> connectedNetworks(ContainerStatusReport report) {
        return report.status() == ContainerStatus.RUNNING && report.addresses() != null
                ? Optional.of(report.addresses().keySet()) : Optional.empty();
    }

    @Override
    public Optional<LeftoverImage> applyObserved(ContainerEntity row, ContainerStatusReport report) {
        row.status = report.status();
        row.statusReason = report.statusReason();
        row.statusDetail = report.statusDetail();
        row.engineId = report.engineId();
        row.healthStatus = report.health();
        // on ports, the row shows the ports' addresses (addressed); the engine's would name its own network
        if (report.addresses() != null && row.nics.isEmpty()) {
            row.addresses = report.addresses();
        }
        if (report.ports() != null) {
            row.ports = report.ports();
        }
        // the image's own command, when the user gave none
        if ((row.command == null || row.command.isEmpty()) && report.command() != null
                && !report.command().isEmpty()) {
            row.command = report.command();
        }
        return Optional.empty();
    }

    @Override
    public void addressed(ContainerEntity row, List<BoundPort> ports) {
        row.addresses = zunAddresses(ports);
    }

    @Override
    public void lost(ContainerEntity row, ContainerStatusReport report) {
        fail(row, "No such container " + row.uuid + " in the engine on " + row.host);
        row.engineId = null;
    }

    /** Zun's event names: {@code compute_} and the compute manager's method ({@code wrap_container_event}). */
    @Override
    public String hostEvent(String step) {
        return switch (step) {
            case "attach_interface" -> "compute__do_network_attach";
            case "detach_interface" -> "compute__do_network_detach";
            default -> "compute__do_container_" + step;
        };
    }

    @Override
    public String failure(ContainerStatusReport report) {
        return report.status() == ContainerStatus.ERROR ? report.statusReason() : null;
    }
}
