package io.windlass.image;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Outcome of caching one image on one host, as Nova's compute reports it. */
public enum ImageCacheResult {
    /** The image was already on the host. */
    EXISTING,
    /** The image was fetched onto the host. */
    CACHED,
    /** The image could not be fetched (see the reason). */
    ERROR,
    /** The host's driver cannot cache images. */
    UNSUPPORTED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ImageCacheResult fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
