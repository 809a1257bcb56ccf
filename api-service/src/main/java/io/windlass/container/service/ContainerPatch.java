package io.windlass.container.service;

/**
 * A validated PATCH: each null member is left unchanged.
 *
 * @param name     new name
 * @param autoHeal new auto_heal flag
 * @param cpu      new CPUs (live resize)
 * @param memoryMb new memory limit, MiB (live resize)
 */
public record ContainerPatch(String name, Boolean autoHeal, Double cpu, Integer memoryMb) {

    public boolean resizes() {
        return cpu != null || memoryMb != null;
    }
}
