package io.windlass.workload;

import io.windlass.network.BoundPort;
import io.windlass.persistence.WorkloadEntity;
import io.windlass.rpc.RemoteException;
import io.windlass.scheduler.ResourceRequest;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What makes one workload kind (container, capsule, server) different inside the one
 * lifecycle: how its states map onto {@link Phase}, what it asks the scheduler for, and how each
 * lifecycle event is written into its row. Pure: methods read or change the row given to them
 * and nothing else; the {@link WorkloadLifecycle} does the I/O around them.
 *
 * @param <E> the kind's row
 * @param <R> the kind's agent report
 */
public interface WorkloadRules<E extends WorkloadEntity, R extends WorkloadReport> {

    /** {@code container}, {@code capsule}, {@code server}: logs, metrics, the scheduler's consumer type. */
    String kind();

    Class<E> rowType();

    /**
     * JPQL condition (on alias {@code w}) selecting the rows the reconciler must look at besides
     * those on silent hosts: every row whose {@link #state} can be in flight or busy.
     */
    String inFlightCondition();

    RowState state(E row);

    // --- build ---

    ResourceRequest resources(E row);

    /** The failure written when the scheduler refused (NoValidHost and the like). */
    String schedulingFailed(RemoteException refusal);

    /** The failure written when the scheduler did not answer in time. */
    String schedulerTimedOut();

    /** Whether the row shows its host's availability zone (servers); others are placed with a null zone. */
    default boolean recordsZone() {
        return false;
    }

    /** Records the chosen host (and its zone when {@link #recordsZone}) and starts the create's task state. */
    void placed(E row, String host, String zone);

    /** Shows the addresses of the ports the row was placed with, in the kind's API shape. */
    void addressed(E row, List<BoundPort> ports);

    /** Records the host of a row that left SCHEDULING while the scheduler worked (a delete must reach it). */
    default void placedTooLate(E row, String host) {
        row.host = host;
    }

    /** The row fails with {@code reason}; a reason written before (the first failure) is kept. */
    void fail(E row, String reason);

    // --- actions and delete ---

    void clearTask(E row);

    /**
     * A row that never reached a host is deleted.
     *
     * @return true when the row is to be removed, false when the kind keeps it soft-deleted (servers)
     */
    boolean deleteUnplaced(E row);

    // --- reports ---

    /** The report ends a failed operation that left nothing on the host (a failed create cleans up after itself). */
    boolean leftNothing(E row, R report);

    /**
     * Writes the observed state; the shell has decided it applies.
     *
     * @return an image the host may remove once this change has committed, if the change leaves one
     */
    Optional<LeftoverImage> applyObserved(E row, R report);

    /**
     * The tenant networks the report shows the engine workload connected to, when it can tell (a
     * running workload has an address on each); empty when it cannot. {@link InterfaceDrift} compares
     * them with the row's ports.
     */
    Optional<Set<String>> connectedNetworks(R report);

    /** Nothing is left on the host any more: the claim is released; kinds that show no host then clear it. */
    void nothingLeftOnHost(E row);

    /**
     * Removed on purpose ({@link ReportOutcome#DELETED}).
     *
     * @return true when the row is to be removed, false when the kind keeps it soft-deleted (servers)
     */
    boolean deleteGone(E row, R report);

    /** The engine lost the workload ({@link ReportOutcome#LOST}): the row fails with the kind's reason. */
    void lost(E row, R report);

    /**
     * The engine lost the workload and the row heals ({@link ReportOutcome#HEALED}, only for rows whose
     * {@link RowState#healsWhenLost()}): it becomes a create in flight on its host again.
     */
    default void heal(E row) {
        throw new IllegalStateException(kind() + " rows do not heal");
    }

    // --- reconcile ---

    /** The failure of a row that got no host within the build timeout. */
    String notScheduledInTime();

    /** The failure of a row whose host never reported it created within the task timeout. */
    String notCreatedInTime(String host, Duration timeout);

    /** Whether the kind shows a silent host's workloads as Unknown. */
    boolean showsUnknown();

    void markUnknown(E row, String reason);

    // --- the action log ---

    /**
     * The name a step on the host is logged as in the request's action, in the family's words
     * (Nova's {@code compute_stop_instance}, Zun's {@code compute__do_container_stop}).
     *
     * @param step {@code create}, {@code delete}, or the action forwarded ({@code stop}, {@code reboot_hard} ...)
     */
    String hostEvent(String step);

    /** The name the conductor's scheduling of this row's build is logged as, or null when the kind logs none. */
    default String scheduleEvent(E row) {
        return null;
    }

    /** The step this row's build is on its host ({@link #hostEvent}): {@code create}, unless the kind says otherwise. */
    default String buildStep(E row) {
        return "create";
    }

    /** Why an operation-done report says the operation failed, or null when it succeeded. */
    String failure(R report);
}
