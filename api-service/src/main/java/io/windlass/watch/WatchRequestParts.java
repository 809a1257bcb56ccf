package io.windlass.watch;

import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.microversion.RequestedApiVersion;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import io.windlass.context.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;

/**
 * The parts of a watch request that every {@link WorkloadWatchResource} reads, whatever the kind watched:
 * the caller, the query, the stream.
 */
@ApplicationScoped
public class WatchRequestParts {
    private final CurrentRequestContext context;
    private final RequestValidator validator;
    private final RequestedApiVersion version;
    private final WatchStreams streams;

    public WatchRequestParts(CurrentRequestContext context, RequestValidator validator, RequestedApiVersion version,
                         WatchStreams streams) {
        this.context = context;
        this.validator = validator;
        this.version = version;
        this.streams = streams;
    }

    public RequestContext caller() {
        return context.get();
    }

    /** The watch's query, validated by the family's schema at the request's microversion. */
    public RequestFields query(ApiFamily family, String schema, UriInfo uri) {
        return validator.query(family, schema, version.get(), uri.getQueryParameters());
    }

    public WatchStreams streams() {
        return streams;
    }
}
