package io.windlass.agent.rpc;

import io.windlass.agent.AgentConfig;
import io.windlass.agent.driver.ContainerDriver;
import io.windlass.agent.image.ImageCacher;
import io.windlass.agent.driver.ContainerNotFoundException;
import io.windlass.agent.driver.DriverException;
import io.windlass.agent.driver.ImageUnavailableException;
import io.windlass.agent.driver.ObservedContainer;
import io.windlass.agent.report.ContainerReporter;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.compute.ComputeRpcApi.ContainerRef;
import io.windlass.container.ContainerOperation;
import io.windlass.container.ContainerSpec;
import io.windlass.container.ContainerStats;
import io.windlass.container.ContainerStatus;
import io.windlass.container.CreateContainer;
import io.windlass.container.DeleteContainer;
import io.windlass.container.ResizeContainer;
import io.windlass.context.RequestContext;
import io.windlass.image.CacheHostImages;
import io.windlass.rpc.RpcEndpoint;
import io.windlass.rpc.RpcHandlerException;
import io.windlass.rpc.RpcTopics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;

/**
 * Serves {@code compute.<host>}: the conductor's requests for this host's containers. Casts
 * always end with a status report ({@code operationDone=true}), also when they fail; only a
 * report that cannot be sent makes the handler throw (and the message be redelivered, which
 * is safe because every handler is idempotent).
 */
@ApplicationScoped
public class ComputeManager {
    private static final Logger LOG = Logger.getLogger(ComputeManager.class);

    private final ContainerDriver driver;
    private final ContainerReporter reporter;
    private final ContainerLocks locks;
    private final String host;
    private final Duration defaultStopTimeout;
    private final ImageCacher imageCacher;

    @Inject
    public ComputeManager(ContainerDriver driver, ContainerReporter reporter, ContainerLocks locks,
                          AgentConfig config, ImageCacher imageCacher) {
        this(driver, reporter, locks, config.hostName(), config.stopTimeout(), imageCacher);
    }

    /** For one of several hosts simulated in this process. */
    public ComputeManager(ContainerDriver driver, ContainerReporter reporter, ContainerLocks locks, String host,
                          Duration defaultStopTimeout, ImageCacher imageCacher) {
        this.driver = driver;
        this.reporter = reporter;
        this.locks = locks;
        this.host = host;
        this.defaultStopTimeout = defaultStopTimeout;
        this.imageCacher = imageCacher;
    }

    /** The agent's RPC API, bound to this manager. */
    public RpcEndpoint endpoint() {
        return new RpcEndpoint(RpcTopics.compute(host), ComputeRpcApi.VERSION)
                .on(ComputeRpcApi.CREATE_CONTAINER, this::createContainer)
                .on(ComputeRpcApi.CONTAINER_ACTION, this::containerAction)
                .on(ComputeRpcApi.DELETE_CONTAINER, this::deleteContainer)
                .on(ComputeRpcApi.RESIZE_CONTAINER, this::resizeContainer)
                .on(ComputeRpcApi.CONTAINER_STATS, this::containerStats)
                .on(ComputeRpcApi.CACHE_IMAGES, (ctx, r) -> {
                    imageCacher.cache(ctx, r);
                    return null;
                });
    }

    Object createContainer(RequestContext ctx, CreateContainer request) {
        ContainerSpec spec = request.spec();
        return locks.withLock(spec.uuid(), () -> {
            LOG.infof("create_container %s image=%s run=%s", spec.uuid(), spec.image(), request.run());
            Optional<ObservedContainer> existing = driver.inspect(spec.uuid());
            if (existing.isPresent()) {
                reuse(ctx, existing.get(), request.run());
                return null;
            }
            try {
                driver.create(spec);
                if (request.run()) {
                    driver.start(spec.uuid());
                }
            } catch (ImageUnavailableException e) {
                LOG.warnf("create of %s failed: %s", spec.uuid(), e.getMessage());
                removeLeftover(spec.uuid());
                reporter.reportError(ctx, spec.uuid(), e.reasonOn(host));
                return null;
            } catch (DriverException e) {
                LOG.warnf("create of %s failed: %s", spec.uuid(), e.getMessage());
                removeLeftover(spec.uuid());
                reporter.reportError(ctx, spec.uuid(), "Failed to create container on host " + host + ": "
                        + e.getMessage());
                return null;
            }
            LOG.infof("container %s created%s", spec.uuid(), request.run() ? " and started" : "");
            reporter.reportCurrent(ctx, spec.uuid(), null, true);
            return null;
        });
    }

    /** A redelivered create: the engine container is already there, so finish the job instead. */
    private void reuse(RequestContext ctx, ObservedContainer existing, boolean run) {
        LOG.infof("container %s already exists as %s (%s); not creating it again", existing.uuid(),
                existing.engineId(), existing.status().value());
        String reason = null;
        if (run && (existing.status() == ContainerStatus.CREATED || existing.status() == ContainerStatus.STOPPED)) {
            try {
                driver.start(existing.uuid());
            } catch (DriverException e) {
                LOG.warnf("start of existing container %s failed: %s", existing.uuid(), e.getMessage());
                reason = "Failed to start container: " + e.getMessage();
            }
        }
        reporter.reportCurrent(ctx, existing.uuid(), reason, true);
    }

    /** A failed create must not leave a half-made container behind. */
    private void removeLeftover(String uuid) {
        try {
            driver.remove(uuid, true);
            LOG.infof("removed half-created container %s", uuid);
        } catch (ContainerNotFoundException e) {
            LOG.debugf("nothing to clean up for %s", uuid);
        } catch (DriverException e) {
            LOG.warnf("could not remove half-created container %s (the next sync reports it): %s", uuid,
                    e.getMessage());
        }
    }

    Object containerAction(RequestContext ctx, ContainerOperation operation) {
        String uuid = operation.uuid();
        return locks.withLock(uuid, () -> {
            LOG.infof("container_action %s %s", operation.action().verb(), uuid);
            Duration timeout = operation.timeoutSeconds() == null ? defaultStopTimeout
                    : Duration.ofSeconds(operation.timeoutSeconds());
            try {
                switch (operation.action()) {
                    case START -> driver.start(uuid);
                    case STOP -> driver.stop(uuid, timeout);
                    case PAUSE -> driver.pause(uuid);
                    case UNPAUSE -> driver.unpause(uuid);
                    case REBOOT -> driver.restart(uuid, timeout);
                    case KILL -> driver.kill(uuid);
                    default -> {
                        LOG.warnf("action %s is not supported by container_action", operation.action());
                        reporter.reportCurrent(ctx, uuid, "Action " + operation.action().verb()
                                + " is not supported by the compute agent", true);
                        return null;
                    }
                }
            } catch (ContainerNotFoundException e) {
                LOG.warnf("container %s no longer exists in the engine", uuid);
                reporter.reportGone(ctx, uuid, true);
                return null;
            } catch (DriverException e) {
                LOG.warnf("%s of %s failed: %s", operation.action().verb(), uuid, e.getMessage());
                reporter.reportCurrent(ctx, uuid, "Failed to " + operation.action().verb() + " container: "
                        + e.getMessage(), true);
                return null;
            }
            reporter.reportCurrent(ctx, uuid, null, true);
            return null;
        });
    }

    Object deleteContainer(RequestContext ctx, DeleteContainer request) {
        String uuid = request.uuid();
        return locks.withLock(uuid, () -> {
            LOG.infof("delete_container %s force=%s stop=%s", uuid, request.force(), request.stop());
            Optional<ObservedContainer> current = driver.inspect(uuid);
            if (current.isEmpty()) {
                reporter.reportGone(ctx, uuid, true);
                return null;
            }
            try {
                if (current.get().isRunning() && request.stop()) {
                    stopBeforeDelete(uuid, request.force());
                } else if (current.get().isRunning() && !request.force()) {
                    reporter.report(ctx, current.get(), "You cannot remove a running container. Stop the container"
                            + " before attempting removal or force remove", true);
                    return null;
                }
                driver.remove(uuid, request.force());
            } catch (ContainerNotFoundException e) {
                LOG.debugf("container %s vanished during delete", uuid);
            } catch (DriverException e) {
                LOG.warnf("delete of %s failed: %s", uuid, e.getMessage());
                reporter.reportCurrent(ctx, uuid, "Failed to delete container: " + e.getMessage(), true);
                return null;
            }
            LOG.infof("container %s removed", uuid);
            reporter.reportGone(ctx, uuid, true);
            return null;
        });
    }

    private void stopBeforeDelete(String uuid, boolean force) {
        try {
            driver.stop(uuid, defaultStopTimeout);
        } catch (ContainerNotFoundException e) {
            throw e;
        } catch (DriverException e) {
            if (!force) {
                throw e;
            }
            // a forced remove kills it anyway
            LOG.infof("stop before delete of %s failed, removing by force: %s", uuid, e.getMessage());
        }
    }

    Object resizeContainer(RequestContext ctx, ResizeContainer request) {
        return locks.withLock(request.uuid(), () -> {
            LOG.infof("resize_container %s cpu=%s memory_mb=%s", request.uuid(), request.cpu(), request.memoryMb());
            try {
                driver.update(request.uuid(), request.cpu(), request.memoryMb());
            } catch (ContainerNotFoundException e) {
                throw new RpcHandlerException("ContainerNotFound", e.getMessage());
            } catch (DriverException e) {
                LOG.warnf("resize of %s failed: %s", request.uuid(), e.getMessage());
                throw new RpcHandlerException("EngineError", e.getMessage());
            }
            return null;
        });
    }

    /** No lock: a read, and it takes about a second with Docker. */
    ContainerStats containerStats(RequestContext ctx, ContainerRef ref) {
        LOG.debugf("container_stats %s", ref.uuid());
        try {
            return driver.stats(ref.uuid());
        } catch (ContainerNotFoundException e) {
            throw new RpcHandlerException("ContainerNotFound", e.getMessage());
        } catch (DriverException e) {
            LOG.warnf("stats of %s failed: %s", ref.uuid(), e.getMessage());
            throw new RpcHandlerException("EngineError", e.getMessage());
        }
    }
}
