package io.windlass.capsule.api;

import io.windlass.capsule.CapsuleMemberSpec;
import io.windlass.capsule.CapsuleMemberState;
import io.windlass.capsule.persistence.CapsuleEntity;
import io.windlass.capsule.policy.CapsulePolicy;
import io.windlass.container.api.Link;
import io.windlass.context.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds {@link CapsuleView}s: the template's members joined with what the agent last reported of them. */
@ApplicationScoped
public class CapsuleViews {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);
    /** Zun gives init containers on-failure/10 when the capsule restarts always, so a flaky init gets retried. */
    private static final CapsuleView.RestartPolicyView INIT_UNDER_ALWAYS =
            new CapsuleView.RestartPolicyView("on-failure", "10");

    private final CapsulePolicy policy;

    public CapsuleViews(CapsulePolicy policy) {
        this.policy = policy;
    }

    public CapsuleView of(CapsuleEntity c, String root, RequestContext caller) {
        boolean admin = policy.allows(CapsulePolicy.GET_HOST, caller, c.projectId);
        Map<String, CapsuleMemberState> observed = c.members.stream()
                .collect(Collectors.toMap(CapsuleMemberState::uuid, Function.identity(), (a, b) -> b));
        CapsuleView.RestartPolicyView restart = new CapsuleView.RestartPolicyView(c.restartPolicy, "0");
        CapsuleView.RestartPolicyView initRestart = c.restartPolicy.equals("always") ? INIT_UNDER_ALWAYS : restart;
        return new CapsuleView(
                c.uuid.toString(),
                List.of(new Link(selfUrl(root, c), "self"),
                        new Link(root + "/container/capsules/" + c.uuid, "bookmark")),
                c.name,
                c.labels,
                c.annotations,
                c.status.value(),
                c.statusReason,
                restart,
                c.cpu,
                Integer.toString(c.memory),
                c.addresses,
                c.spec.containers().stream().map(m -> member(c, m, observed.get(m.uuid()), restart)).toList(),
                c.spec.initContainers().stream().map(m -> member(c, m, observed.get(m.uuid()), initRestart)).toList(),
                c.userId,
                c.projectId,
                timestamp(c.createdAt),
                timestamp(c.updatedAt),
                admin ? new CapsuleView.AdminFields(c.host) : null);
    }

    public static String selfUrl(String root, CapsuleEntity c) {
        return root + "/container/v1/capsules/" + c.uuid;
    }

    private static CapsuleView.MemberView member(CapsuleEntity c, CapsuleMemberSpec m, CapsuleMemberState state,
                                                 CapsuleView.RestartPolicyView restart) {
        // before the first report a member has the capsule's own state (Creating, or Deleting)
        String status = state == null ? c.status.value() : state.status().value();
        return new CapsuleView.MemberView(m.uuid(), m.name(), m.image(), m.command(), m.cpu(),
                Integer.toString(m.memoryMb()), m.environment(), m.workDir(),
                m.exposedPorts().stream().map(p -> Integer.parseInt(p.substring(0, p.indexOf('/')))).toList(),
                c.addresses, restart, status, state == null ? null : state.statusReason(),
                c.taskState == null ? null : c.taskState.value(), Map.of(), c.userId, c.projectId);
    }

    private static String timestamp(Instant at) {
        return at == null ? null : TIMESTAMP.format(at);
    }
}
