package io.windlass.container;

import java.util.List;

/**
 * Which of these engine volumes a host has for a project (compute {@code find_volumes}, 1.15, a call): the
 * api-service asks before it accepts a container mounting existing volumes (Zun's {@code mounts} with a
 * {@code source}), and places the container on a host that has them all.
 *
 * @param projectId the project the volumes must be labelled for ({@code windlass.project}); no other is seen
 * @param names     the volume names asked for
 */
public record FindVolumes(String projectId, List<String> names) {
    public FindVolumes {
        names = names == null ? List.of() : List.copyOf(names);
    }

    /**
     * The answer.
     *
     * @param names the asked names the host has for the project
     */
    public record Found(List<String> names) {
        public Found {
            names = names == null ? List.of() : List.copyOf(names);
        }
    }
}
