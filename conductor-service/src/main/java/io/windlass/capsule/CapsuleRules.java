package io.windlass.capsule;

import io.windlass.capsule.persistence.CapsuleEntity;
import io.windlass.container.ContainerStatus;
import io.windlass.network.BoundPort;
import io.windlass.scheduler.ResourceRequest;
import io.windlass.workload.LeftoverImage;
import io.windlass.workload.ZunWorkloadRules;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Zun capsules in the one lifecycle: scheduled as one unit (the members' summed resources, one
 * claim keyed by the capsule uuid); reports carry every member's state.
 */
@ApplicationScoped
public class CapsuleRules extends ZunWorkloadRules<CapsuleEntity, CapsuleStatusReport> {

    @Override
    public String kind() {
        return "capsule";
    }

    @Override
    protected String noun() {
        return "Capsule";
    }

    @Override
    public Class<CapsuleEntity> rowType() {
        return CapsuleEntity.class;
    }

    @Override
    public ResourceRequest resources(CapsuleEntity row) {
        return new ResourceRequest(row.uuid.toString(), kind(), row.projectId, row.cpu, row.memory, 0,
                row.availabilityZone, null, row.labels == null ? Map.of() : row.labels);
    }

    /** A failed create removes everything it made before it reports (the agent's CapsuleManager). */
    @Override
    public boolean leftNothing(CapsuleEntity row, CapsuleStatusReport report) {
        return report.status() == ContainerStatus.ERROR && report.operationDone()
                && row.status == ContainerStatus.CREATING && row.host != null;
    }

    @Override
    public void addressed(CapsuleEntity row, List<BoundPort> ports) {
        row.addresses = zunAddresses(ports);
    }

    /** A capsule's networks come with its sandbox at create; none is attached later (no such API upstream). */
    @Override
    public Optional<Set<String>> connectedNetworks(CapsuleStatusReport report) {
        return Optional.empty();
    }

    @Override
    public Optional<LeftoverImage> applyObserved(CapsuleEntity row, CapsuleStatusReport report) {
        row.status = report.status();
        row.statusReason = report.statusReason();
        row.members = report.members();
        // on ports, the row shows the ports' addresses (addressed); the engine's would name its own network
        if (report.addresses() != null && row.nics.isEmpty()) {
            row.addresses = report.addresses();
        }
        return Optional.empty();
    }

    @Override
    public void lost(CapsuleEntity row, CapsuleStatusReport report) {
        fail(row, "The capsule's containers are gone from " + report.host());
        row.members = report.members();
    }

    /** Capsules have no action API upstream; their steps are logged as Zun would name them. */
    @Override
    public String hostEvent(String step) {
        return "compute__do_capsule_" + step;
    }

    @Override
    public String failure(CapsuleStatusReport report) {
        return report.status() == ContainerStatus.ERROR ? report.statusReason() : null;
    }
}
