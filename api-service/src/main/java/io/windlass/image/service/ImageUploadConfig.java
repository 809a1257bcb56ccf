package io.windlass.image.service;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code windlass.image.upload.*}: Glance's image data upload ({@code PUT /image/v2/images/{id}/file}). */
@ConfigMapping(prefix = "windlass.image.upload")
public interface ImageUploadConfig {

    /**
     * The largest image data one upload takes (Glance's {@code image_size_cap}); a larger one is a
     * 413 and leaves the image queued. The bytes live in PostgreSQL, so this is also what one image
     * may add to the database. Every other request body keeps {@code quarkus.http.limits.max-body-size}.
     */
    @WithDefault("4G")
    MemorySize maxSize();

    /** How long one upload's transaction may stay open: the slowest client's whole upload must fit in it. */
    @WithDefault("1h")
    Duration timeout();
}
