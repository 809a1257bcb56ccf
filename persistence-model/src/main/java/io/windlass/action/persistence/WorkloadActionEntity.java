package io.windlass.action.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One request accepted for a workload ({@code workload_actions}): Nova's instance action, Zun's
 * container action. The api-service inserts it; the conductor keeps {@link #message},
 * {@link #finishTime} and {@link #updatedAt} up to date as the action's events end.
 */
@Entity
@Table(name = "workload_actions")
public class WorkloadActionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** {@code container}, {@code server} or {@code capsule}. */
    @Column(nullable = false)
    public String kind;

    @Column(name = "workload_uuid", nullable = false)
    public UUID workloadUuid;

    /** The request's id ({@code req-...}): what the action is shown by. */
    @Column(name = "request_id", nullable = false)
    public String requestId;

    /** What was asked, in the family's words ({@code create}, {@code reboot}, {@code attach_interface} ...). */
    @Column(nullable = false)
    public String action;

    @Column(name = "project_id", nullable = false)
    public String projectId;

    @Column(name = "user_id")
    public String userId;

    /** {@code Error} once one of its events failed, else null. */
    public String message;

    @Column(name = "start_time", nullable = false)
    public Instant startTime;

    @Column(name = "finish_time")
    public Instant finishTime;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
