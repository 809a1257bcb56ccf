package io.windlass.agent.capsule;

import io.windlass.agent.workload.Observed;
import io.windlass.capsule.CapsuleMemberState;
import io.windlass.container.ContainerAddress;
import io.windlass.container.ContainerStatus;

import java.util.List;
import java.util.Map;

/**
 * One capsule as the engine shows it now: its status derived from its members
 * ({@link CapsuleStatusRule}), every member's state, the sandbox's addresses.
 *
 * @param uuid      capsule uuid
 * @param status    Running when every app container runs, Error when one failed, ...
 * @param reason    why, when Error
 * @param members   init containers first, then app containers, each in template order
 * @param addresses the sandbox's addresses (shared by every member)
 */
public record ObservedCapsule(String uuid, ContainerStatus status, String reason, List<CapsuleMemberState> members,
                              Map<String, List<ContainerAddress>> addresses) implements Observed {
    public ObservedCapsule {
        members = List.copyOf(members);
        addresses = addresses == null ? Map.of() : Map.copyOf(addresses);
    }
}
