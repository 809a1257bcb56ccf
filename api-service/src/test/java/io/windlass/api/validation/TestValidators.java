package io.windlass.api.validation;

import io.windlass.container.api.ContainerLimits;

/** A {@link RequestValidator} over the real schema files with the default settings, for unit tests. */
public final class TestValidators {
    /** Zun's defaults, as {@code ContainerLimits} declares them. */
    public static final ContainerLimits LIMITS = new ContainerLimits() {
        public double minCpu() { return 0.1; }
        public double maxCpu() { return 16.0; }
        public double defaultCpu() { return 1.0; }
        public int minMemory() { return 4; }
        public int maxMemory() { return 8192; }
        public int defaultMemory() { return 512; }
        public int defaultDisk() { return 0; }
        public int maxDisk() { return 160; }
    };

    private TestValidators() {
    }

    public static RequestValidator validator() {
        return new RequestValidator(new RequestSchemas(LIMITS), new RelaxedValidation());
    }
}
