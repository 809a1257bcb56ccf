package io.windlass.workload;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.fault.Transient;
import io.windlass.network.AttachPort;
import io.windlass.network.DetachPort;
import io.windlass.network.InterfaceChange;
import io.windlass.network.PlacedNetworks;
import io.windlass.network.SecurityGroupsChanged;
import io.windlass.network.WorkloadNetworking;
import io.windlass.network.WorkloadPort;
import io.windlass.persistence.WorkloadEntity;
import io.windlass.rpc.RemoteException;
import io.windlass.rpc.RpcTimeoutException;
import io.windlass.rpc.RpcVersionCapExceeded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Interfaces added to and taken from a placed workload, for every kind that has them (Zun's
 * {@code network_attach}/{@code network_detach}, Nova's {@code os-interface}): the api-service bound
 * the port and recorded it in the row's {@code nics}; here the port is bound to the row's host, the
 * host connects (or disconnects) the engine container, and only then does the row say so.
 *
 * <p>The host is called, not cast to: an attach the host refuses gives its port back (unbound, or
 * deleted when it was made for the attach), and a detach releases the port only once no container
 * holds its address any more. A host that does not answer makes the message come again
 * ({@link HostNotAnswering}); both steps on the host are idempotent. Each step ends the kind's
 * task state ({@code network_attaching}, {@code network_detaching}).
 */
@ApplicationScoped
public class WorkloadInterfaces {
    private static final Logger LOG = Logger.getLogger(WorkloadInterfaces.class);

    private final Instance<WorkloadManager> managers;
    private final WorkloadRows rows;
    private final WorkloadNetworking networking;
    private final ComputeRpcApi compute;
    private final NetworkSteps networks;
    private final ActionEvents events;
    private final MeterRegistry registry;

    public WorkloadInterfaces(Instance<WorkloadManager> managers, WorkloadRows rows, NetworkSteps networks,
                              ComputeRpcApi compute, ActionEvents events, MeterRegistry registry) {
        this.events = events;
        this.registry = registry;
        this.managers = managers;
        this.rows = rows;
        this.networks = networks;
        this.networking = networks.networking();
        this.compute = compute;
    }

    public void attach(RequestContext ctx, InterfaceChange change) {
        Shell<?> shell = shell(change);
        Optional<Attach> attach = QuarkusTransaction.requiringNew().call(() -> {
            Optional<Attach> bound = shell.bind(change);
            bound.ifPresent(a -> shell.started(ctx, change, "attach_interface", a.host()));
            return bound;
        });
        if (attach.isEmpty()) {
            return;
        }
        String host = attach.get().host();
        try {
            compute.attachPort(host, ctx, attach.get().request());
        } catch (RemoteException | RpcVersionCapExceeded e) {
            LOG.warnf("attach %s to %s %s: %s refused it: %s; the port is given back", change.portId(), change.kind(),
                    change.uuid(), host, e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> {
                shell.drop(change);
                shell.finished(ctx, change, e.getMessage());
            });
            castPeers(ctx, host, attach.get().request());
            return;
        } catch (RpcTimeoutException e) {
            throw new HostNotAnswering(host, e);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            shell.done(change);
            shell.finished(ctx, change, null);
        });
        LOG.infof("attach %s to %s %s: done on %s", change.portId(), change.kind(), change.uuid(), host);
        castPeers(ctx, host, attach.get().request());
    }

    public void detach(RequestContext ctx, InterfaceChange change) {
        Shell<?> shell = shell(change);
        Optional<Detach> detach = QuarkusTransaction.requiringNew().call(() -> {
            Optional<Detach> asked = shell.toDetach(change);
            asked.ifPresent(d -> shell.started(ctx, change, "detach_interface", d.host()));
            return asked;
        });
        if (detach.isEmpty()) {
            return;
        }
        String host = detach.get().host();
        try {
            compute.detachPort(host, ctx, detach.get().request());
        } catch (RemoteException | RpcVersionCapExceeded e) {
            // the container may still hold the address: the port stays the workload's
            LOG.warnf("detach %s from %s %s: %s refused it: %s; the port stays attached", change.portId(),
                    change.kind(), change.uuid(), host, e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> {
                shell.done(change);
                shell.finished(ctx, change, e.getMessage());
            });
            return;
        } catch (RpcTimeoutException e) {
            throw new HostNotAnswering(host, e);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            shell.drop(change);
            shell.finished(ctx, change, null);
        });
        LOG.infof("detach %s from %s %s: done on %s", change.portId(), change.kind(), change.uuid(), host);
        castPeers(ctx, host, detach.get().request());
    }

    /**
     * A port the row holds that its running engine workload does not show ({@link InterfaceDrift}): an attach
     * its host never ran, because the call expired while the host was away, or an interface the engine lost
     * (disconnected behind Windlass's back). The host is asked again (its
     * attach is idempotent); the row does not change, and a refusal is asked again at the next report.
     */
    public <E extends WorkloadEntity> void reconnect(RequestContext ctx, WorkloadRules<E, ?> rules, UUID uuid,
                                                     String portId) {
        InterfaceChange change = new InterfaceChange(rules.kind(), uuid.toString(), portId);
        Optional<Attach> attach = QuarkusTransaction.requiringNew().call(() -> new Shell<>(rules).toReconnect(change));
        if (attach.isEmpty()) {
            return;
        }
        String host = attach.get().host();
        try {
            compute.attachPort(host, ctx, attach.get().request());
        } catch (RemoteException | RpcVersionCapExceeded | RpcTimeoutException e) {
            reconnected(change.kind(), "failed");
            LOG.warnf("%s %s holds port %s, which %s does not show on it; asked again to attach it, it did not: %s",
                    change.kind(), uuid, portId, host, e.getMessage());
            return;
        }
        reconnected(change.kind(), "attached");
        LOG.infof("%s %s holds port %s, which %s did not show on it (an attach it never ran, or the engine lost it): "
                + "attached again",
                change.kind(), uuid, portId, host);
        castPeers(ctx, host, attach.get().request());
    }

    /** A repair as the reconciler's are counted: a steady rate means attaches get lost (docs/metrics.md). */
    private void reconnected(String kind, String result) {
        Counter.builder("windlass.conductor.interfaces.reconnected")
                .description("Ports a row held that its running workload did not show, asked of the host again")
                .tags("kind", kind, "result", result).register(registry).increment();
    }

    /** Security groups changed through the Networking API: the hosts they concern get their filters again. */
    public void refreshFilters(RequestContext ctx, SecurityGroupsChanged change) {
        networks.castFilters(ctx, QuarkusTransaction.requiringNew().call(() -> networks.filters()
                .concerningGroups(change.groupIds(), change.portIds())));
    }

    /** The other hosts of the network learn whether this one still carries it, and the filters follow the port. */
    private void castPeers(RequestContext ctx, String host, AttachPort port) {
        networks.castAfterPortChange(ctx, List.of(port.port().networkId()), List.of(port.port().portId()), host);
    }

    private void castPeers(RequestContext ctx, String host, DetachPort port) {
        networks.castAfterPortChange(ctx, List.of(port.networkId()), List.of(port.portId()), host);
    }

    private Shell<?> shell(InterfaceChange change) {
        for (WorkloadManager manager : managers) {
            if (manager.lifecycle().rules().kind().equals(change.kind())) {
                return new Shell<>(manager.lifecycle().rules());
            }
        }
        throw new IllegalStateException("no workload kind " + change.kind());
    }

    /**
     * @param host    the row's host
     * @param request what it is asked
     */
    private record Attach(String host, AttachPort request) {
    }

    /**
     * @param host    the row's host
     * @param request what it is asked
     */
    private record Detach(String host, DetachPort request) {
    }

    /** The steps on one kind's rows, each inside its own transaction. */
    private final class Shell<E extends WorkloadEntity> {
        private final WorkloadRules<E, ?> rules;

        Shell(WorkloadRules<E, ?> rules) {
            this.rules = rules;
        }

        /** Binds the port to the row's host and describes it; empty when there is nothing to connect. */
        Optional<Attach> bind(InterfaceChange change) {
            Optional<E> found = lockWithPort(change, "attach");
            if (found.isEmpty()) {
                return Optional.empty();
            }
            E row = found.get();
            if (row.host == null) {
                LOG.infof("attach %s to %s %s: it left its host meanwhile; the port is given back", change.portId(),
                        change.kind(), change.uuid());
                drop(row, change);
                return Optional.empty();
            }
            networking.bind(row, change.portId(), row.host);
            PlacedNetworks placed = networking.describe(row);
            rules.addressed(row, placed.ports());
            Optional<Attach> attach = attachOf(row, change, placed);
            if (attach.isEmpty()) {
                // deleted through the Networking API meanwhile: nothing to connect, nothing to keep
                LOG.infof("attach %s to %s %s: the port is gone", change.portId(), change.kind(), change.uuid());
                drop(row, change);
            }
            return attach;
        }

        /** What to ask the host again for a port the row holds; empty when that changed since the report. */
        Optional<Attach> toReconnect(InterfaceChange change) {
            Optional<E> row = rows.find(rules.rowType(), uuid(change));
            RowState state = row.map(rules::state).orElse(null);
            if (state == null || state.busy() || row.get().host == null || nic(row.get(), change).isEmpty()) {
                return Optional.empty();
            }
            return attachOf(row.get(), change, networking.describe(row.get()));
        }

        /** The host's attach of the change's port, as {@code placed} describes it; empty when the port is gone. */
        private Optional<Attach> attachOf(E row, InterfaceChange change, PlacedNetworks placed) {
            return placed.networks().ports().stream().filter(p -> p.portId().equals(change.portId())).findFirst()
                    .map(port -> new Attach(row.host, new AttachPort(change.kind(), change.uuid(), port,
                            placed.networks().networkOf(port))));
        }

        Optional<Detach> toDetach(InterfaceChange change) {
            Optional<E> found = lockWithPort(change, "detach");
            if (found.isEmpty()) {
                return Optional.empty();
            }
            E row = found.get();
            WorkloadPort nic = nic(row, change).orElseThrow();
            if (row.host == null) {
                // on no host: no container holds the address
                drop(row, change);
                return Optional.empty();
            }
            return Optional.of(new Detach(row.host,
                    new DetachPort(change.kind(), change.uuid(), change.portId(), nic.networkId())));
        }

        /** The operation ended with the port where it was asked to be. */
        void done(InterfaceChange change) {
            rows.lock(rules.rowType(), uuid(change)).ifPresent(rules::clearTask);
        }

        /** The port leaves the workload: unbound (the user's) or deleted (made for it), and off the row. */
        void drop(InterfaceChange change) {
            rows.lock(rules.rowType(), uuid(change)).ifPresent(row -> drop(row, change));
        }

        private void drop(E row, InterfaceChange change) {
            Optional<WorkloadPort> nic = nic(row, change);
            if (nic.isPresent()) {
                networking.release(row, List.of(nic.get()));
                row.nics = row.nics.stream().filter(p -> !p.portId().equals(change.portId())).toList();
                rules.addressed(row, networking.describe(row).ports());
            }
            rules.clearTask(row);
        }

        /** The locked row, when it still holds the port; else the task ends here. */
        private Optional<E> lockWithPort(InterfaceChange change, String verb) {
            Optional<E> row = rows.lock(rules.rowType(), uuid(change));
            if (row.isEmpty()) {
                LOG.infof("%s %s: %s %s is gone", verb, change.portId(), change.kind(), change.uuid());
                return Optional.empty();
            }
            if (nic(row.get(), change).isEmpty()) {
                LOG.infof("%s %s: no longer a port of %s %s; nothing to do", verb, change.portId(), change.kind(),
                        change.uuid());
                rules.clearTask(row.get());
                return Optional.empty();
            }
            return row;
        }

        private UUID uuid(InterfaceChange change) {
            return UUID.fromString(change.uuid());
        }

        /** The host's step of the request's action begins ({@code attach_interface} or {@code detach_interface}). */
        void started(RequestContext ctx, InterfaceChange change, String step, String host) {
            events.started(uuid(change), ctx.requestId(), rules.hostEvent(step), host);
        }

        /** The host's step ended; {@code failure} null when it succeeded. */
        void finished(RequestContext ctx, InterfaceChange change, String failure) {
            events.finished(uuid(change), ctx.requestId(), failure);
        }
    }

    private static Optional<WorkloadPort> nic(WorkloadEntity row, InterfaceChange change) {
        return row.nics.stream().filter(p -> p.portId().equals(change.portId())).findFirst();
    }

    /** The host did not answer in time: the message comes again, and the host's step is idempotent. */
    static final class HostNotAnswering extends RuntimeException implements Transient {
        HostNotAnswering(String host, RpcTimeoutException cause) {
            super("host " + host + " did not answer: " + cause.getMessage(), cause);
        }
    }
}
