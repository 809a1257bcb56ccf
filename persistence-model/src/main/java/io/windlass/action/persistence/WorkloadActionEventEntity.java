package io.windlass.action.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One step of an action ({@code workload_action_events}), named as Nova and Zun name theirs
 * ({@code compute_stop_instance}, {@code compute__do_container_start} ...). Only the conductor
 * writes events.
 */
@Entity
@Table(name = "workload_action_events")
public class WorkloadActionEventEntity {
    public static final String SUCCESS = "Success";
    public static final String ERROR = "Error";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "action_id", nullable = false)
    public Long actionId;

    @Column(nullable = false)
    public String event;

    /** The host the step ran on, or null for the conductor's own steps before one was chosen. */
    public String host;

    @Column(name = "start_time", nullable = false)
    public Instant startTime;

    @Column(name = "finish_time")
    public Instant finishTime;

    /** {@link #SUCCESS} or {@link #ERROR}; null while it runs. */
    public String result;

    /** Why it failed; shown to admins only. */
    public String traceback;
}
