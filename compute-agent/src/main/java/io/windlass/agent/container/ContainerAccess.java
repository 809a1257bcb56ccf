package io.windlass.agent.container;

import io.windlass.agent.driver.DriverException;
import io.windlass.agent.driver.WorkloadNotFoundException;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.container.ContainerExecResult;
import io.windlass.rpc.RpcEndpoint;
import io.windlass.rpc.RpcHandlerException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The host's calls into a container on {@code compute.<host>} (RPC 1.11), which the api-service
 * waits for: Zun's {@code execute}, {@code execute_resize}, {@code top}, {@code get_archive} and
 * {@code put_archive}. No workload lock: like stats and logs they touch neither the container's
 * state nor its row, and must not wait behind a long stop. The caller learns of a failure by its
 * name: {@code ContainerNotFound} (the engine has no such container), {@code Invalid} (no such path
 * or exec instance, as Zun's), {@code ExecTimeout}, {@code ArchiveTooLarge}, else {@code EngineError}.
 */
public final class ContainerAccess {
    private static final Logger LOG = Logger.getLogger(ContainerAccess.class);

    private final ContainerAccessDriver driver;
    private final Duration execTimeout;

    /** @param execTimeout longest a command runs before its caller is told it timed out (Zun's {@code execute_timeout}) */
    public ContainerAccess(ContainerAccessDriver driver, Duration execTimeout) {
        this.driver = driver;
        this.execTimeout = execTimeout;
    }

    public RpcEndpoint register(RpcEndpoint endpoint) {
        return endpoint
                .on(ComputeRpcApi.CONTAINER_EXEC, (ctx, r) -> answer("exec", r.uuid(), () -> {
                    LOG.infof("container_exec %s run=%s %s", r.uuid(), r.run(), r.command().getFirst());
                    ContainerExecResult result = driver.exec(r, execTimeout);
                    if (result.truncated()) {
                        LOG.infof("exec output in %s sent truncated to its last %d characters", r.uuid(),
                                result.output().length());
                    }
                    return result;
                }))
                .on(ComputeRpcApi.CONTAINER_EXEC_RESIZE, (ctx, r) -> answer("exec_resize", r.uuid(), () -> {
                    driver.resizeExec(r);
                    return null;
                }))
                .on(ComputeRpcApi.CONTAINER_TOP, (ctx, r) -> answer("top", r.uuid(), () -> driver.top(r)))
                .on(ComputeRpcApi.CONTAINER_GET_ARCHIVE, (ctx, r) -> answer("get_archive", r.uuid(), () -> {
                    LOG.debugf("container_get_archive %s %s", r.uuid(), r.path());
                    return driver.getArchive(r);
                }))
                .on(ComputeRpcApi.CONTAINER_PUT_ARCHIVE, (ctx, r) -> answer("put_archive", r.uuid(), () -> {
                    LOG.infof("container_put_archive %s %s (%d bytes)", r.uuid(), r.path(), r.data().length);
                    driver.putArchive(r);
                    return null;
                }));
    }

    /** The driver's answer, or its failure under the name the api-service answers by. */
    public static <T> T answer(String operation, String uuid, Supplier<T> call) {
        try {
            return call.get();
        } catch (WorkloadNotFoundException e) {
            throw new RpcHandlerException("ContainerNotFound", e.getMessage());
        } catch (NotInContainerException e) {
            throw new RpcHandlerException("Invalid", e.getMessage());
        } catch (ExecTimeoutException e) {
            throw new RpcHandlerException("ExecTimeout", e.getMessage());
        } catch (ArchiveTooLargeException e) {
            throw new RpcHandlerException("ArchiveTooLarge", e.getMessage());
        } catch (DriverException e) {
            LOG.warnf("%s in %s failed: %s", operation, uuid, e.getMessage());
            throw new RpcHandlerException("EngineError", e.getMessage());
        }
    }
}
