package io.windlass.agent.workload;

import io.windlass.agent.driver.DriverException;
import io.windlass.agent.driver.WorkloadExistsException;
import io.windlass.agent.driver.WorkloadNotFoundException;
import io.windlass.context.RequestContext;
import io.windlass.fault.TransientFailure;
import io.windlass.rpc.RpcHandlerException;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * The shells of the operations the conductor casts to a host, for every kind: each runs under the
 * workload's lock (a delete waits for a running create) and always ends with a report that closes
 * the operation ({@code operationDone}), also when it failed; only a report that cannot be sent
 * makes it throw, and the message is redelivered, which is safe because every step is idempotent.
 */
public class WorkloadOperations {
    private static final Logger LOG = Logger.getLogger(WorkloadOperations.class);

    private final WorkloadLocks locks;

    public WorkloadOperations(WorkloadLocks locks) {
        this.locks = locks;
    }

    /** The kind's steps of a create. */
    public interface Creation<O> {
        /**
         * A redelivered create found what an earlier one made: finish the job (e.g. start it).
         *
         * @return why it could not be finished, or null
         */
        String reuse(O existing);

        /**
         * Whether what an earlier delivery made is whole. One that was cut off part-way (the engine
         * restarted under it) and cannot be finished by {@link #reuse} is removed and made again.
         */
        default boolean complete(O existing) {
            return true;
        }

        /** Makes the workload on the engine. */
        void create();

        /** Why the create failed, as users read it (status reason, fault). */
        String failure(DriverException e);

        /** Removes what a failed create half-made. */
        void removeLeftover();
    }

    /**
     * Creates the workload, or finishes what an earlier delivery made; a failed create leaves nothing.
     * The create is tried first and the engine looked at only when it says that an earlier delivery
     * made the workload ({@link WorkloadExistsException}): a look-up before every create cost each
     * boot an engine round trip for the rare redelivery.
     */
    public <O extends Observed> void create(RequestContext ctx, String uuid, WorkloadReporter<O> reporter,
                                            Creation<O> creation) {
        locks.withLock(uuid, () -> {
            try {
                make(ctx, uuid, reporter, creation, "create", true);
                return null;
            } catch (WorkloadExistsException e) {
                LOG.infof("%s %s: the engine has it from an earlier delivery (%s)", reporter.kind(), uuid,
                        e.getMessage());
            }
            Optional<O> existing = reporter.driver().observe(uuid);
            if (existing.isPresent() && creation.complete(existing.get())) {
                LOG.infof("%s %s already exists; not creating it again", reporter.kind(), uuid);
                reporter.reportCurrent(ctx, uuid, creation.reuse(existing.get()), true);
                return null;
            }
            if (existing.isPresent()) {
                LOG.infof("%s %s was left half-made by an earlier delivery; making it again", reporter.kind(), uuid);
                creation.removeLeftover();
            }
            make(ctx, uuid, reporter, creation, "create", false);
            return null;
        });
    }

    /**
     * Replaces the workload with a new one made as {@code creation} says (a server's rebuild): what
     * the engine has of it goes first, so a redelivered replace makes the same workload again. A
     * failed replace leaves nothing, as a failed create does.
     */
    public <O extends Observed> void replace(RequestContext ctx, String uuid, WorkloadReporter<O> reporter,
                                             Creation<O> creation) {
        locks.withLock(uuid, () -> {
            try {
                creation.removeLeftover();
            } catch (RuntimeException e) {
                DriverException failure = driverFailure(e, "rebuild", reporter, uuid);
                LOG.warnf("rebuild of %s %s failed removing the old one: %s", reporter.kind(), uuid,
                        failure.getMessage());
                reporter.reportCurrent(ctx, uuid, creation.failure(failure), true);
                return null;
            }
            make(ctx, uuid, reporter, creation, "rebuild", false);
            return null;
        });
    }

    /**
     * @param mayExist whether the engine may hold the workload from an earlier delivery: then its
     *                 {@link WorkloadExistsException} is thrown on, and what is there is not removed
     */
    private <O extends Observed> void make(RequestContext ctx, String uuid, WorkloadReporter<O> reporter,
                                           Creation<O> creation, String verb, boolean mayExist) {
        try {
            creation.create();
        } catch (RuntimeException e) {
            if (mayExist && e instanceof WorkloadExistsException) {
                throw e;
            }
            String reason = creation.failure(driverFailure(e, verb, reporter, uuid));
            LOG.warnf("%s of %s %s failed: %s", verb, reporter.kind(), uuid, reason);
            try {
                creation.removeLeftover();
            } catch (RuntimeException cleanup) {
                leftBehind(ctx, uuid, reporter, reason, cleanup);
                return;
            }
            reporter.reportFailed(ctx, uuid, reason);
            return;
        }
        LOG.infof("%s %s %s", reporter.kind(), uuid, verb.equals("create") ? "created" : "rebuilt");
        reporter.reportCurrent(ctx, uuid, null, true);
    }

    /**
     * A failed create whose half-made workload could not be removed must not say that it left
     * nothing: the conductor would release the claim of a workload the engine still holds. When the
     * engine went away (it restarts), the failure is thrown on and the message comes again, and that
     * delivery finishes or remakes what is there; otherwise what is left is reported with the reason,
     * and the row keeps its claim until it is deleted.
     */
    private <O extends Observed> void leftBehind(RequestContext ctx, String uuid, WorkloadReporter<O> reporter,
                                                 String reason, RuntimeException cleanup) {
        if (TransientFailure.of(cleanup).isPresent()) {
            LOG.warnf("could not remove the half-created %s %s, the engine is unreachable (%s); the create "
                    + "comes again once it is back", reporter.kind(), uuid, cleanup.getMessage());
            throw cleanup;
        }
        LOG.warnf("could not remove the half-created %s %s (%s); reporting what is left", reporter.kind(), uuid,
                cleanup.getMessage());
        reporter.driver().observe(uuid).ifPresentOrElse(
                left -> reporter.report(ctx, left, reason, true),
                () -> reporter.reportFailed(ctx, uuid, reason));
    }

    /** Runs an action (start, stop, pause, ...) and reports the workload after it. */
    public <O extends Observed> void act(RequestContext ctx, String uuid, String verb, WorkloadReporter<O> reporter,
                                         Runnable action) {
        locks.withLock(uuid, () -> {
            LOG.infof("%s %s %s", verb, reporter.kind(), uuid);
            try {
                action.run();
            } catch (WorkloadNotFoundException e) {
                LOG.warnf("%s %s no longer exists in the engine", reporter.kind(), uuid);
                reporter.reportGone(ctx, uuid, true);
                return null;
            } catch (Refused e) {
                reporter.reportCurrent(ctx, uuid, e.getMessage(), true);
                return null;
            } catch (RuntimeException e) {
                DriverException failure = driverFailure(e, verb, reporter, uuid);
                LOG.warnf("%s of %s %s failed: %s", verb, reporter.kind(), uuid, failure.getMessage());
                reporter.reportCurrent(ctx, uuid, "Failed to " + verb + " " + reporter.kind() + ": "
                        + failure.getMessage(), true);
                return null;
            }
            reporter.reportCurrent(ctx, uuid, null, true);
            return null;
        });
    }

    /**
     * Changes the workload in place under its lock (a server's limits), for a caller waiting on the
     * answer: the engine's refusal becomes the caller's error, nothing is reported.
     *
     * @param kind the workload's noun in error types ({@code Server} → {@code ServerNotFound})
     */
    public void change(String uuid, String kind, String verb, Runnable change) {
        locks.withLock(uuid, () -> {
            LOG.infof("%s %s %s", verb, kind.toLowerCase(), uuid);
            try {
                change.run();
            } catch (WorkloadNotFoundException e) {
                throw new RpcHandlerException(kind + "NotFound", e.getMessage());
            } catch (DriverException e) {
                LOG.warnf("%s of %s %s failed: %s", verb, kind.toLowerCase(), uuid, e.getMessage());
                throw new RpcHandlerException("EngineError", e.getMessage());
            }
            return null;
        });
    }

    /** Removes the workload and reports it gone; a workload the engine does not know is gone already. */
    public <O extends Observed> void delete(RequestContext ctx, String uuid, WorkloadReporter<O> reporter,
                                            Runnable removal) {
        locks.withLock(uuid, () -> {
            LOG.infof("delete %s %s", reporter.kind(), uuid);
            try {
                removal.run();
            } catch (WorkloadNotFoundException e) {
                LOG.debugf("%s %s was gone already", reporter.kind(), uuid);
            } catch (Refused e) {
                reporter.reportCurrent(ctx, uuid, e.getMessage(), true);
                return null;
            } catch (RuntimeException e) {
                DriverException failure = driverFailure(e, "delete", reporter, uuid);
                LOG.warnf("delete of %s %s failed: %s", reporter.kind(), uuid, failure.getMessage());
                reporter.reportCurrent(ctx, uuid, "Failed to delete " + reporter.kind() + ": " + failure.getMessage(),
                        true);
                return null;
            }
            LOG.infof("%s %s removed", reporter.kind(), uuid);
            reporter.reportGone(ctx, uuid, true);
            return null;
        });
    }

    /**
     * Any exception of an operation ends it as a driver failure does: one the driver did not foresee
     * (a reference the engine refuses, a client library's own error) would otherwise escape the
     * shell, the message would be dropped after its redelivery, and the row would keep its
     * transitional state, host and claim. The unforeseen one is logged whole, for whoever fixes the driver.
     * A transient one (the engine unreachable) is not a failure of the workload: it is thrown on.
     */
    private static DriverException driverFailure(RuntimeException e, String operation, WorkloadReporter<?> reporter,
                                                 String uuid) {
        if (TransientFailure.of(e).isPresent()) {
            // the engine restarting: the message comes again (RpcServer) once it is back, and finds the
            // work done, half done or not begun, which create, act and delete all handle
            throw e;
        }
        if (e instanceof DriverException known) {
            return known;
        }
        LOG.warnf(e, "%s of %s %s failed unexpectedly", operation, reporter.kind(), uuid);
        return new DriverException(e.getMessage() == null ? "unexpected engine error" : e.getMessage(), e);
    }

    /** The operation is refused as asked; the message is the whole reason users see. */
    public static class Refused extends DriverException {
        public Refused(String reason) {
            super(reason);
        }
    }
}
