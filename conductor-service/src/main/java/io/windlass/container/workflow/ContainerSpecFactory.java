package io.windlass.container.workflow;

import io.windlass.container.ContainerSpec;
import io.windlass.container.persistence.ContainerRecord;
import io.windlass.scheduler.ResourceRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** Turns a row into what the scheduler and the agent need (the agent has no database). */
@ApplicationScoped
public class ContainerSpecFactory {

    public ContainerSpec spec(ContainerRecord row) {
        return new ContainerSpec(row.uuid.toString(), row.name, row.image, row.command, row.entrypoint, row.cpu,
                row.memory, row.workdir, row.hostname, row.environment, row.labels,
                row.restartPolicy, row.interactive, row.tty, row.imagePullPolicy, row.autoRemove,
                row.projectId);
    }

    public ResourceRequest resourceRequest(ContainerRecord row) {
        // labels are the container's properties for the aggregate extra-specs filter; containers have
        // no image metadata service yet, hence no image properties
        return new ResourceRequest(row.uuid.toString(), "container", row.projectId, row.cpu, row.memory, row.disk,
                row.availabilityZone, null, row.labels == null ? Map.of() : row.labels,
                row.schedulerHints == null ? Map.of() : row.schedulerHints, Map.of());
    }

}
