package io.windlass.container.api;

import io.windlass.container.ContainerAddress;
import io.windlass.container.ContainerHealthcheck;
import io.windlass.container.RestartPolicy;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.container.policy.ContainerPolicy;
import io.windlass.context.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link ContainerView}s, hiding what the caller's policy does not let it see. */
@ApplicationScoped
public class ContainerViews {
    /** Zun writes naive UTC timestamps with microseconds: {@code 2019-05-18 21:02:12.304734}. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private final ContainerPolicy policy;

    public ContainerViews(ContainerPolicy policy) {
        this.policy = policy;
    }

    public ContainerView of(ContainerEntity c, String root, RequestContext caller) {
        RestartPolicy restart = c.restartPolicy == null ? RestartPolicy.NO : c.restartPolicy;
        boolean admin = policy.allows(ContainerPolicy.GET_ONE_HOST, caller, c.projectId);
        return new ContainerView(
                c.uuid.toString(),
                List.of(new Link(selfUrl(root, c), "self"),
                        new Link(root + "/container/containers/" + c.uuid, "bookmark")),
                c.name,
                c.image,
                c.command == null ? List.of() : c.command,
                c.entrypoint,
                c.cpu,
                Integer.toString(c.memory),
                c.disk,
                c.environment,
                c.workdir,
                c.labels,
                c.ports,
                c.hostname,
                addresses(c.addresses),
                new ContainerView.RestartPolicyView(restart.name(), Integer.toString(restart.maximumRetryCount())),
                c.status.value(),
                c.statusReason,
                c.statusDetail,
                c.taskState == null ? null : c.taskState.value(),
                c.interactive,
                c.tty,
                c.imageDriver,
                c.securityGroups,
                c.autoRemove,
                c.autoHeal,
                healthcheck(c),
                c.cpuPolicy,
                // Zun shows the registry's uuid, not its internal id
                c.registryId == null ? null : c.registryId.toString(),
                c.privileged,
                c.userId,
                c.projectId,
                timestamp(c.createdAt),
                timestamp(c.updatedAt),
                admin ? new ContainerView.AdminFields(c.host, c.imagePullPolicy, c.runtime) : null);
    }

    public static String selfUrl(String root, ContainerEntity c) {
        return root + "/container/v1/containers/" + c.uuid;
    }

    private static Map<String, List<ContainerView.Address>> addresses(Map<String, List<ContainerAddress>> stored) {
        Map<String, List<ContainerView.Address>> out = new LinkedHashMap<>();
        if (stored != null) {
            stored.forEach((net, list) -> out.put(net, list.stream()
                    .map(a -> new ContainerView.Address(a.addr(), a.version(), a.port(), a.subnetId(),
                            a.preserveOnDelete()))
                    .toList()));
        }
        return out;
    }

    /**
     * Zun's {@code healthcheck}: the command as {@code test} and the times as asked (the ones not asked are left
     * out, as Zun keeps the request's dict), with {@code status}, the engine's verdict as the host last reported
     * it ({@code starting}, {@code healthy}, {@code unhealthy}; null before the first report). Null without one.
     */
    private static Map<String, Object> healthcheck(ContainerEntity c) {
        ContainerHealthcheck h = c.healthcheck;
        if (h == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("test", h.test());
        putIfSet(out, "interval", h.interval());
        putIfSet(out, "retries", h.retries());
        putIfSet(out, "timeout", h.timeout());
        putIfSet(out, "start_period", h.startPeriod());
        out.put("status", c.healthStatus);
        return out;
    }

    private static void putIfSet(Map<String, Object> out, String key, Integer value) {
        if (value != null) {
            out.put(key, value);
        }
    }

    private static String timestamp(Instant at) {
        return at == null ? null : TIMESTAMP.format(at);
    }
}
