package io.windlass.capsule;

import java.util.List;

/**
 * Everything the agent needs to realise a capsule; stored as is in {@code capsules.spec}.
 *
 * @param uuid           capsule uuid
 * @param name           capsule name
 * @param restartPolicy  Docker restart policy name for the app containers: {@code always}, {@code on-failure}, {@code no}
 * @param initContainers run one after another, each to completion, before the app containers
 * @param containers     the app containers
 * @param volumes        the capsule's volumes
 */
public record CapsuleSpec(String uuid, String name, String restartPolicy, List<CapsuleMemberSpec> initContainers,
                          List<CapsuleMemberSpec> containers, List<CapsuleVolumeSpec> volumes) {

    public CapsuleSpec {
        initContainers = initContainers == null ? List.of() : initContainers;
        volumes = volumes == null ? List.of() : volumes;
    }

    /**
     * Zun's rule: the app containers run together, so their requests add up; init containers
     * run alone before them, so only the largest one counts, and only if it is larger.
     */
    public double cpu() {
        double apps = containers.stream().mapToDouble(CapsuleMemberSpec::cpu).sum();
        double init = initContainers.stream().mapToDouble(CapsuleMemberSpec::cpu).max().orElse(0);
        return Math.max(apps, init);
    }

    /** Memory in MiB by the same rule as {@link #cpu()}. */
    public int memoryMb() {
        int apps = containers.stream().mapToInt(CapsuleMemberSpec::memoryMb).sum();
        int init = initContainers.stream().mapToInt(CapsuleMemberSpec::memoryMb).max().orElse(0);
        return Math.max(apps, init);
    }
}
