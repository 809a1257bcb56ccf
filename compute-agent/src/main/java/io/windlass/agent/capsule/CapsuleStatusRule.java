package io.windlass.agent.capsule;

import io.windlass.capsule.CapsuleMemberSpec;
import io.windlass.capsule.CapsuleMemberState;
import io.windlass.container.ContainerStatus;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A capsule's status from its app containers' states: Running when all run, Error (naming
 * the container) when one failed beyond its restart policy, Stopped when all stopped.
 */
public final class CapsuleStatusRule {

    private CapsuleStatusRule() {
    }

    public record Derived(ContainerStatus status, String reason) {
    }

    /** An app container as the rule needs it: identity and the name a reason mentions. */
    public record App(String uuid, String name) {
    }

    public static Derived derive(List<CapsuleMemberSpec> apps, List<CapsuleMemberState> states, String restartPolicy) {
        return deriveFor(apps.stream().map(a -> new App(a.uuid(), a.name())).toList(), states, restartPolicy);
    }

    /** As {@link #derive}, for app containers rebuilt from the engine's labels (no spec at hand). */
    public static Derived deriveFor(List<App> apps, List<CapsuleMemberState> states, String restartPolicy) {
        Map<String, CapsuleMemberState> byUuid = states.stream()
                .collect(Collectors.toMap(CapsuleMemberState::uuid, Function.identity(), (a, b) -> b));
        int running = 0;
        int stopped = 0;
        for (App app : apps) {
            CapsuleMemberState s = byUuid.get(app.uuid());
            if (s == null || s.engineId() == null) {
                return new Derived(ContainerStatus.ERROR, "Container " + app.name() + " is missing on the host.");
            }
            switch (s.status()) {
                case RUNNING, RESTARTING -> running++;
                case ERROR, DEAD -> {
                    return new Derived(ContainerStatus.ERROR, "Container " + app.name() + " failed"
                            + (s.statusReason() == null ? "." : ": " + s.statusReason()));
                }
                case STOPPED -> {
                    // "always" restarts whatever the exit code; the others leave a failure stopped
                    if (s.exitCode() != null && s.exitCode() != 0 && !"always".equals(restartPolicy)) {
                        return new Derived(ContainerStatus.ERROR, "Container " + app.name() + " exited with code "
                                + s.exitCode() + ".");
                    }
                    stopped++;
                }
                default -> {
                    // Created, Paused, ...: neither all running nor all stopped
                }
            }
        }
        if (running == apps.size()) {
            return new Derived(ContainerStatus.RUNNING, null);
        }
        if (stopped == apps.size()) {
            return new Derived(ContainerStatus.STOPPED, null);
        }
        return new Derived(running > 0 ? ContainerStatus.RUNNING : ContainerStatus.CREATED, null);
    }
}
