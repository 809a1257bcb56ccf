package io.windlass.container.service;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code windlass.container.archive.*}: how much of a container's files one request copies. */
@ConfigMapping(prefix = "windlass.container.archive")
public interface ContainerArchiveConfig {

    /**
     * The largest tar archive {@code get_archive} answers and {@code put_archive} takes. An archive
     * crosses RabbitMQ in one message (base64 there, a third larger), and a put's base64 body must
     * also fit under {@code windlass.api.max-body-size} (10 MiB by default), past which the
     * API refuses it with a 413; 6 MiB is 8 MiB of base64. Raise both together.
     */
    @WithDefault("6M")
    MemorySize maxSize();
}
