package io.windlass.workload;

/**
 * A kind's conductor manager ({@code ContainerManager}, {@code CapsuleManager},
 * {@code ServerManager}): its RPC methods run its {@link WorkloadLifecycle}, which the
 * {@link Reconciler} also works through.
 */
public interface WorkloadManager {
    WorkloadLifecycle<?, ?> lifecycle();
}
