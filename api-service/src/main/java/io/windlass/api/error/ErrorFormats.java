package io.windlass.api.error;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Chooses the error format for a request path: the first specific family that claims it, else Zun's. */
@ApplicationScoped
public class ErrorFormats {
    private final List<ErrorBodyFormat> specific;
    private final ZunErrorFormat fallback;

    public ErrorFormats(@All List<ErrorBodyFormat> formats, ZunErrorFormat fallback) {
        this.specific = formats.stream().filter(f -> !(f instanceof ZunErrorFormat)).toList();
        this.fallback = fallback;
    }

    public ErrorBodyFormat forPath(String path) {
        String normalized = path == null ? "/" : path.startsWith("/") ? path : "/" + path;
        return specific.stream().filter(f -> f.handles(normalized)).findFirst().orElse(fallback);
    }
}
