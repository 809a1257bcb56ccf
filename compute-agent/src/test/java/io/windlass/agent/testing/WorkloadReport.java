package io.windlass.agent.testing;

import io.windlass.capsule.CapsuleStatusReport;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.container.ContainerStatusReport;
import io.windlass.rpc.RpcMethod;
import io.windlass.server.ServerStatusReport;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One kind's status report as the agent tests wait for it: the conductor method it comes by, its
 * record, and the workload it is about.
 *
 * @param <T> the kind's report record
 */
public record WorkloadReport<T>(RpcMethod<T> method, Class<T> type, Function<T, String> uuidOf) {
    public static final WorkloadReport<ContainerStatusReport> CONTAINERS = new WorkloadReport<>(
            ConductorRpcApi.REPORT_CONTAINER_STATUS, ContainerStatusReport.class, ContainerStatusReport::uuid);
    public static final WorkloadReport<ServerStatusReport> SERVERS = new WorkloadReport<>(
            ConductorRpcApi.REPORT_SERVER_STATUS, ServerStatusReport.class, ServerStatusReport::uuid);
    public static final WorkloadReport<CapsuleStatusReport> CAPSULES = new WorkloadReport<>(
            ConductorRpcApi.REPORT_CAPSULE_STATUS, CapsuleStatusReport.class, CapsuleStatusReport::uuid);

    /** The first report about {@code uuid} that matches, waiting up to {@code wait}; fails the test otherwise. */
    public T await(ConductorProbe conductor, String uuid, String what, Predicate<T> match, Duration wait) {
        return conductor.await(method, type, r -> uuidOf.apply(r).equals(uuid) && match.test(r), wait,
                what + " for " + uuid);
    }
}
