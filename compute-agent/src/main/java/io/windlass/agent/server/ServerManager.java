package io.windlass.agent.server;

import io.windlass.agent.driver.DriverException;
import io.windlass.agent.driver.EngineUnreachableException;
import io.windlass.agent.driver.ImageUnavailableException;
import io.windlass.agent.driver.WorkloadNotFoundException;
import io.windlass.agent.image.StoredImages;
import io.windlass.agent.workload.WorkloadOperations;
import io.windlass.agent.workload.WorkloadReporter;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.image.CommittedImage;
import io.windlass.rpc.RpcEndpoint;
import io.windlass.rpc.RpcHandlerException;
import io.windlass.server.PowerState;
import io.windlass.server.RescueServer;
import io.windlass.server.ServerAction;
import io.windlass.server.ServerDiagnostics;
import io.windlass.server.ServerOperation;
import io.windlass.server.ServerSpec;
import io.windlass.server.SetAdminPassword;
import io.windlass.server.ShelveServer;
import org.jboss.logging.Logger;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The host's Nova server methods on {@code compute.<host>} ({@code spawn_server},
 * {@code server_action}, {@code destroy_server}), in the shared {@link WorkloadOperations}
 * shells with the server's steps: a spawn writes the config drive first, a failed one removes the
 * drive with the workload, a destroy removes both.
 */
public final class ServerManager {
    private static final Logger LOG = Logger.getLogger(ServerManager.class);

    private final ServerDriver driver;
    private final WorkloadReporter<ObservedServer> reporter;
    private final WorkloadOperations operations;
    private final ConfigDriveBuilder configDrives;
    private final String host;
    private final Duration stopTimeout;
    private final StoredImages storedImages;

    public ServerManager(ServerDriver driver, WorkloadReporter<ObservedServer> reporter,
                         WorkloadOperations operations, ConfigDriveBuilder configDrives, String host,
                         Duration stopTimeout, StoredImages storedImages) {
        this.driver = driver;
        this.storedImages = storedImages;
        this.reporter = reporter;
        this.operations = operations;
        this.configDrives = configDrives;
        this.host = host;
        this.stopTimeout = stopTimeout;
    }

    public RpcEndpoint register(RpcEndpoint endpoint) {
        return endpoint
                .on(ComputeRpcApi.SPAWN_SERVER, (ctx, spec) -> {
                    spawn(ctx, spec);
                    return null;
                })
                .on(ComputeRpcApi.SERVER_ACTION, (ctx, op) -> {
                    act(ctx, op);
                    return null;
                })
                .on(ComputeRpcApi.REBUILD_SERVER, (ctx, spec) -> {
                    rebuild(ctx, spec);
                    return null;
                })
                .on(ComputeRpcApi.RESIZE_SERVER, (ctx, r) -> {
                    operations.change(r.uuid(), "Server", "resize", () -> driver.resize(r.uuid(), r.vcpus(),
                            r.memoryMb()));
                    return null;
                })
                .on(ComputeRpcApi.SET_ADMIN_PASSWORD, (ctx, request) -> {
                    setAdminPassword(request);
                    return null;
                })
                .on(ComputeRpcApi.SUSPEND_SERVER, (ctx, ref) -> {
                    act(ctx, new ServerOperation(ref.uuid(), ServerAction.SUSPEND));
                    return null;
                })
                .on(ComputeRpcApi.RESUME_SERVER, (ctx, ref) -> {
                    act(ctx, new ServerOperation(ref.uuid(), ServerAction.RESUME));
                    return null;
                })
                .on(ComputeRpcApi.RESCUE_SERVER, (ctx, request) -> {
                    rescue(ctx, request);
                    return null;
                })
                .on(ComputeRpcApi.UNRESCUE_SERVER, (ctx, ref) -> {
                    operations.act(ctx, ref.uuid(), "unrescue", reporter, () -> driver.unrescue(ref.uuid(), stopTimeout));
                    return null;
                })
                .on(ComputeRpcApi.SERVER_DIAGNOSTICS, (ctx, ref) -> diagnostics(ref.uuid()))
                .on(ComputeRpcApi.SHELVE_SERVER, (ctx, request) -> shelve(request))
                .on(ComputeRpcApi.DESTROY_SERVER, (ctx, ref) -> {
                    destroy(ctx, ref.uuid());
                    return null;
                });
    }

    /**
     * Nova's {@code set_admin_password} on the host: under the server's lock, the guest's refusal
     * answered as Nova's InstancePasswordSetFailed with its reason; the password itself goes to
     * the driver only, never to a log line.
     */
    void setAdminPassword(SetAdminPassword request) {
        operations.change(request.uuid(), "Server", "set_admin_password", () -> {
            try {
                driver.setAdminPassword(request.uuid(), request.password());
            } catch (PasswordNotSetException e) {
                LOG.infof("server %s: admin password not set: %s", request.uuid(), e.getMessage());
                throw new RpcHandlerException(ComputeRpcApi.PASSWORD_SET_FAILED, e.getMessage());
            }
        });
    }

    /**
     * Nova's {@code get_instance_diagnostics} on the host: only a running server is diagnosed, anything
     * else is Nova's InstanceInvalidState in its API's words. A server the engine does not know is in
     * no state, Nova's "pending", as Nova's manager finds an instance its hypervisor lacks. No lock: a
     * read, as stats and logs are, must not wait behind a long stop.
     */
    ServerDiagnostics diagnostics(String uuid) {
        try {
            PowerState power = driver.observe(uuid).map(ObservedServer::powerState).orElse(PowerState.NOSTATE);
            if (power != PowerState.RUNNING) {
                throw notRunning(uuid, power);
            }
            return driver.diagnostics(uuid);
        } catch (WorkloadNotFoundException e) {
            // removed between the look and the reading
            throw notRunning(uuid, PowerState.NOSTATE);
        } catch (DriverException e) {
            LOG.warnf("diagnostics of server %s failed: %s", uuid, e.getMessage());
            throw new RpcHandlerException("EngineError", e.getMessage());
        }
    }

    private static RpcHandlerException notRunning(String uuid, PowerState power) {
        // nova/api/openstack/common.py raise_http_conflict_for_instance_invalid_state
        return new RpcHandlerException(ComputeRpcApi.INSTANCE_INVALID_STATE, "Cannot 'get_diagnostics' instance "
                + uuid + " while it is in power state " + power.novaName());
    }

    /**
     * Nova's {@code shelve_instance} and {@code shelve_offload_instance} on the host, under the server's
     * lock: powered off cleanly and committed to the shelved image (when one is named), then removed
     * with its config drive when offloaded. Nothing is reported: the conductor waits on the answer,
     * and the engine's own events of the stop and the removal are the only reports.
     *
     * @return the committed image, or null for an offload alone
     */
    CommittedImage shelve(ShelveServer request) {
        AtomicReference<CommittedImage> committed = new AtomicReference<>();
        operations.change(request.uuid(), "Server", request.offload() ? "shelve and offload" : "shelve", () -> {
            if (request.reference() != null) {
                driver.act(request.uuid(), ServerAction.STOP, stopTimeout);
                committed.set(driver.commitShelved(request.uuid(), request.reference()));
            }
            if (request.offload()) {
                remove(request.uuid());
            }
        });
        return committed.get();
    }

    /** Nova's {@code rescue_instance}: the rescue image brought here when it is an upload the host lacks, then the rescue. */
    void rescue(RequestContext ctx, RescueServer request) {
        operations.act(ctx, request.uuid(), "rescue", reporter, () -> {
            storedImages.ensure(ctx, request.image());
            driver.rescue(request.uuid(), request.image());
        });
    }

    /** The config drive could not be written (undecodable user data or personality, an unwritable directory). */
    private static final class ConfigDriveFailure extends DriverException {
        ConfigDriveFailure(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }
    }

    void spawn(RequestContext ctx, ServerSpec spec) {
        LOG.infof("spawn_server %s image=%s vcpus=%d ram=%d MiB", spec.uuid(), spec.image(), spec.vcpus(),
                spec.memoryMb());
        operations.create(ctx, spec.uuid(), reporter, creation(ctx, spec));
    }

    /** Replaces the server's engine workload and config drive from the new spec (Nova's rebuild on the same host). */
    void rebuild(RequestContext ctx, ServerSpec spec) {
        LOG.infof("rebuild_server %s image=%s", spec.uuid(), spec.image());
        operations.replace(ctx, spec.uuid(), reporter, creation(ctx, spec));
    }

    /**
     * How the server of {@code spec} is made: its image brought here when it is an upload the host
     * lacks, its config drive, then its engine workload, powered as asked.
     */
    private WorkloadOperations.Creation<ObservedServer> creation(RequestContext ctx, ServerSpec spec) {
        return new WorkloadOperations.Creation<>() {
            @Override
            public String reuse(ObservedServer existing) {
                // finished as asked: powered on, or left off (an evacuation to stopped)
                PowerState wrong = spec.stopped() ? PowerState.RUNNING : PowerState.SHUTDOWN;
                if (existing.powerState() == wrong) {
                    try {
                        driver.act(existing.uuid(), spec.stopped() ? ServerAction.STOP : ServerAction.START,
                                stopTimeout);
                    } catch (EngineUnreachableException e) {
                        throw e;
                    } catch (DriverException e) {
                        return "Failed to power " + (spec.stopped() ? "off" : "on") + " server: " + e.getMessage();
                    }
                }
                return null;
            }

            @Override
            public boolean complete(ObservedServer existing) {
                // made but never started: the earlier start was cut off (the engine restarted under it
                // and may keep a stale task, "task ... already exists" on a start); nothing ran yet, so
                // it is made again from the start, as a container is
                return !existing.neverStarted();
            }

            @Override
            public void create() {
                storedImages.ensure(ctx, spec.image());
                Path drive;
                try {
                    drive = driver.usesConfigDrive() ? configDrives.build(spec) : null;
                } catch (IllegalArgumentException | UncheckedIOException e) {
                    throw new ConfigDriveFailure(e);
                }
                driver.spawn(spec, drive);
                if (spec.stopped()) {
                    // as Nova's rebuild does for a server that was stopped: spawned, then powered off
                    driver.act(spec.uuid(), ServerAction.STOP, stopTimeout);
                }
            }

            @Override
            public String failure(DriverException e) {
                if (e instanceof ImageUnavailableException missing) {
                    return missing.reasonOn(host);
                }
                return (e instanceof ConfigDriveFailure ? "Failed to build the config drive on host "
                        : "Failed to spawn server on host ") + host + ": " + e.getMessage();
            }

            @Override
            public void removeLeftover() {
                remove(spec.uuid());
            }
        };
    }

    void act(RequestContext ctx, ServerOperation op) {
        operations.act(ctx, op.uuid(), op.action().method(), reporter,
                () -> driver.act(op.uuid(), op.action(), stopTimeout));
    }

    void destroy(RequestContext ctx, String uuid) {
        operations.delete(ctx, uuid, reporter, () -> remove(uuid));
    }

    /** The workload and its config drive; neither being there is no error. */
    private void remove(String uuid) {
        driver.destroy(uuid);
        if (driver.usesConfigDrive()) {
            try {
                configDrives.remove(uuid);
            } catch (UncheckedIOException e) {
                throw new DriverException("the config drive could not be removed: " + e.getMessage(), e);
            }
        }
    }
}
