package io.windlass.persistence;

import io.windlass.container.ContainerStatus;
import io.windlass.container.TaskState;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.MappedSuperclass;

import static io.windlass.persistence.Writer.API;
import static io.windlass.persistence.Writer.CONDUCTOR;

/** The state columns of the workloads Zun shows ({@code containers}, {@code capsules}): Zun's status, its reason, the task state. */
@MappedSuperclass
public abstract class ZunWorkloadEntity extends WorkloadEntity {

    /** The api-service writes Deleting and Restarting (and puts them back when a cast fails). */
    @Convert(converter = ContainerStatusConverter.class)
    @Column(nullable = false)
    @WrittenBy({API, CONDUCTOR})
    public ContainerStatus status;

    @Column(name = "status_reason")
    @WrittenBy(CONDUCTOR)
    public String statusReason;

    /** Set by the api-service when an action starts, cleared by the conductor when it ends. */
    @Convert(converter = TaskStateConverter.class)
    @Column(name = "task_state")
    @WrittenBy({API, CONDUCTOR})
    public TaskState taskState;
}
