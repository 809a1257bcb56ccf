package io.windlass.agent.container;

import io.windlass.agent.driver.DriverException;
import io.windlass.agent.driver.EngineUnreachableException;
import io.windlass.agent.driver.ImageUnavailableException;
import io.windlass.agent.driver.WorkloadNotFoundException;
import io.windlass.agent.image.StoredImages;
import io.windlass.agent.workload.WorkloadLocks;
import io.windlass.agent.workload.WorkloadOperations.Refused;
import io.windlass.agent.workload.WorkloadOperations;
import io.windlass.agent.workload.WorkloadReporter;
import io.windlass.compute.ComputeRpcApi.ContainerRef;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.container.ContainerOperation;
import io.windlass.container.ContainerSpec;
import io.windlass.container.ContainerStats;
import io.windlass.container.ContainerStatus;
import io.windlass.container.CreateContainer;
import io.windlass.container.DeleteContainer;
import io.windlass.container.FindVolumes;
import io.windlass.container.ResizeContainer;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RpcEndpoint;
import io.windlass.rpc.RpcHandlerException;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * The host's Zun container methods on {@code compute.<host>}: create, actions and delete run in
 * the shared {@link WorkloadOperations} shells with the container's steps; the live resize and
 * stats are calls answered at once.
 */
public final class ContainerManager {
    private static final Logger LOG = Logger.getLogger(ContainerManager.class);

    private final ContainerDriver driver;
    private final WorkloadReporter<ObservedContainer> reporter;
    private final WorkloadOperations operations;
    private final WorkloadLocks locks;
    private final String host;
    private final Duration defaultStopTimeout;
    private final StoredImages storedImages;

    public ContainerManager(ContainerDriver driver, WorkloadReporter<ObservedContainer> reporter,
                            WorkloadOperations operations, WorkloadLocks locks, String host,
                            Duration defaultStopTimeout, StoredImages storedImages) {
        this.driver = driver;
        this.storedImages = storedImages;
        this.reporter = reporter;
        this.operations = operations;
        this.locks = locks;
        this.host = host;
        this.defaultStopTimeout = defaultStopTimeout;
    }

    public RpcEndpoint register(RpcEndpoint endpoint) {
        return endpoint
                .on(ComputeRpcApi.CREATE_CONTAINER, (ctx, r) -> {
                    create(ctx, r);
                    return null;
                })
                .on(ComputeRpcApi.CONTAINER_ACTION, (ctx, op) -> {
                    act(ctx, op);
                    return null;
                })
                .on(ComputeRpcApi.DELETE_CONTAINER, (ctx, r) -> {
                    delete(ctx, r);
                    return null;
                })
                .on(ComputeRpcApi.RESIZE_CONTAINER, (ctx, r) -> {
                    resize(r);
                    return null;
                })
                .on(ComputeRpcApi.CONTAINER_STATS, (ctx, ref) -> stats(ref))
                .on(ComputeRpcApi.FIND_VOLUMES, (ctx, r) -> findVolumes(r));
    }

    void create(RequestContext ctx, CreateContainer request) {
        ContainerSpec spec = request.spec();
        LOG.infof("create_container %s image=%s run=%s ports=%d", spec.uuid(), spec.image(), request.run(),
                request.networks().ports().size());
        operations.create(ctx, spec.uuid(), reporter, new WorkloadOperations.Creation<>() {
            @Override
            public boolean complete(ObservedContainer existing) {
                // made but never started: an earlier start was cut off (the engine restarted under it
                // and may keep a stale task); nothing ran yet, so it is made again from the start
                return !(request.run() && existing.status() == ContainerStatus.CREATED);
            }

            @Override
            public String reuse(ObservedContainer existing) {
                if (request.run() && (existing.status() == ContainerStatus.CREATED
                        || existing.status() == ContainerStatus.STOPPED)) {
                    try {
                        driver.start(existing.uuid());
                    } catch (EngineUnreachableException e) {
                        throw e;
                    } catch (DriverException e) {
                        return "Failed to start container: " + e.getMessage();
                    }
                }
                return null;
            }

            @Override
            public void create() {
                storedImages.ensure(ctx, spec.image());
                driver.create(spec, request.networks());
                if (request.run()) {
                    driver.start(spec.uuid());
                }
            }

            @Override
            public String failure(DriverException e) {
                return e instanceof ImageUnavailableException missing ? missing.reasonOn(host)
                        : "Failed to create container on host " + host + ": " + e.getMessage();
            }

            @Override
            public void removeLeftover() {
                try {
                    driver.remove(spec.uuid(), true);
                } catch (WorkloadNotFoundException e) {
                    LOG.debugf("nothing to clean up for %s", spec.uuid());
                }
            }
        });
    }

    /** Read-only: no lock, nothing reported; an engine that does not answer is the caller's timeout. */
    FindVolumes.Found findVolumes(FindVolumes request) {
        try {
            return new FindVolumes.Found(driver.volumes(request.projectId(), request.names()));
        } catch (DriverException e) {
            throw new RpcHandlerException("EngineError", e.getMessage());
        }
    }

    void act(RequestContext ctx, ContainerOperation operation) {
        String uuid = operation.uuid();
        Duration timeout = operation.timeoutSeconds() == null ? defaultStopTimeout
                : Duration.ofSeconds(operation.timeoutSeconds());
        operations.act(ctx, uuid, operation.action().verb(), reporter, () -> {
            switch (operation.action()) {
                case START -> driver.start(uuid);
                case STOP -> driver.stop(uuid, timeout);
                case PAUSE -> driver.pause(uuid);
                case UNPAUSE -> driver.unpause(uuid);
                case REBOOT -> driver.restart(uuid, timeout);
                case KILL -> driver.kill(uuid, operation.signal());
                default -> throw new Refused("Action " + operation.action().verb()
                        + " is not supported by the compute agent");
            }
        });
    }

    void delete(RequestContext ctx, DeleteContainer request) {
        String uuid = request.uuid();
        operations.delete(ctx, uuid, reporter, () -> {
            ObservedContainer current = driver.observe(uuid)
                    .orElseThrow(() -> new WorkloadNotFoundException("Container", uuid));
            if (current.isRunning() && request.stop()) {
                stopBeforeDelete(uuid, request.force());
            } else if (current.isRunning() && !request.force()) {
                throw new Refused("You cannot remove a running container. Stop the container before attempting"
                        + " removal or force remove");
            }
            driver.remove(uuid, request.force());
        });
    }

    private void stopBeforeDelete(String uuid, boolean force) {
        try {
            driver.stop(uuid, defaultStopTimeout);
        } catch (WorkloadNotFoundException e) {
            throw e;
        } catch (DriverException e) {
            if (!force) {
                throw e;
            }
            // a forced remove kills it anyway
            LOG.infof("stop before delete of %s failed, removing by force: %s", uuid, e.getMessage());
        }
    }

    private void resize(ResizeContainer request) {
        locks.withLock(request.uuid(), () -> {
            LOG.infof("resize_container %s cpu=%s memory_mb=%s", request.uuid(), request.cpu(), request.memoryMb());
            try {
                driver.update(request.uuid(), request.cpu(), request.memoryMb());
            } catch (WorkloadNotFoundException e) {
                throw new RpcHandlerException("ContainerNotFound", e.getMessage());
            } catch (DriverException e) {
                LOG.warnf("resize of %s failed: %s", request.uuid(), e.getMessage());
                throw new RpcHandlerException("EngineError", e.getMessage());
            }
            return null;
        });
    }

    /** No lock: a read, and it takes about a second with Docker. */
    private ContainerStats stats(ContainerRef ref) {
        LOG.debugf("container_stats %s", ref.uuid());
        try {
            return driver.stats(ref.uuid());
        } catch (WorkloadNotFoundException e) {
            throw new RpcHandlerException("ContainerNotFound", e.getMessage());
        } catch (DriverException e) {
            LOG.warnf("stats of %s failed: %s", ref.uuid(), e.getMessage());
            throw new RpcHandlerException("EngineError", e.getMessage());
        }
    }
}
