package io.windlass.container.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code windlass.container.limits.*}: the resource bounds a create or update may ask for.
 * Defaults are Zun's ({@code minimum_cpus}, {@code maximum_memory}, ...).
 */
@ConfigMapping(prefix = "windlass.container.limits")
public interface ContainerLimits {

    /** Smallest CPU share a container may ask for. */
    @WithDefault("0.1")
    double minCpu();

    /** Largest CPU count a container may ask for. */
    @WithDefault("16.0")
    double maxCpu();

    /** CPUs given when the request names none. */
    @WithDefault("1.0")
    double defaultCpu();

    /** Smallest memory limit, MiB. */
    @WithDefault("4")
    int minMemory();

    /** Largest memory limit, MiB. */
    @WithDefault("8192")
    int maxMemory();

    /** Memory limit given when the request names none, MiB. */
    @WithDefault("512")
    int defaultMemory();

    /** Disk, GiB, recorded when the request names none (0: no disk quota). */
    @WithDefault("0")
    int defaultDisk();

    /** Largest disk a request may name, GiB. */
    @WithDefault("160")
    int maxDisk();
}
