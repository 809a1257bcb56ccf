package io.windlass.policy;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** {@code windlass.policy.*}. */
@ConfigMapping(prefix = "windlass.policy")
public interface PolicyConfig {
    /**
     * A YAML or JSON file of {@code "rule name": "rule text"} overriding the defaults
     * (oslo.policy's format). Unset: the built-in defaults only.
     */
    Optional<String> file();
}
