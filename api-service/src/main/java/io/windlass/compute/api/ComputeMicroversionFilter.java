package io.windlass.compute.api;

import io.windlass.api.microversion.ApiVersion;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.Optional;

/**
 * Negotiates the compute microversion for {@code /compute/v2.1/**} from
 * {@code OpenStack-API-Version: compute 2.N} or the legacy {@code X-OpenStack-Nova-API-Version: 2.N}:
 * absent means 2.1, a malformed value is 400, one outside the range 406. Every response
 * under v2.1 (faults included) says which version served it.
 */
public class ComputeMicroversionFilter {
    private static final Logger LOG = Logger.getLogger(ComputeMicroversionFilter.class);
    static final String HEADER = "OpenStack-API-Version";
    static final String LEGACY_HEADER = "X-OpenStack-Nova-API-Version";
    private static final String PREFIX = "/compute/v2.1";
    private static final String NEGOTIATED = ComputeMicroversionFilter.class.getName() + ".negotiated";

    private final RequestedComputeVersion requested;

    public ComputeMicroversionFilter(RequestedComputeVersion requested) {
        this.requested = requested;
    }

    // after the project-segment rewrite (190) so both URL forms negotiate alike
    @ServerRequestFilter(preMatching = true, priority = 200)
    public Response negotiate(ContainerRequestContext request) {
        if (!isV21(request)) {
            return null;
        }
        try {
            ApiVersion version = requestedVersion(request).orElse(ComputeApiVersions.MIN);
            requested.set(version);
            request.setProperty(NEGOTIATED, version);
            return null;
        } catch (MalformedVersion e) {
            LOG.infof("400 for %s: %s", HEADER, e.getMessage());
            return fault(400, e.getMessage());
        } catch (UnsupportedVersion e) {
            LOG.infof("406 for %s: %s", HEADER, e.getMessage());
            return fault(406, e.getMessage());
        }
    }

    @ServerResponseFilter
    public void advertise(ContainerRequestContext request, ContainerResponseContext response) {
        // Nova's v2 wrapper strips these: a v2 client knows no microversions
        if (!isV21(request) || LegacyV2Filter.isLegacy(request)) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        if (request.getProperty(NEGOTIATED) instanceof ApiVersion version) {
            headers.putSingle(HEADER, ComputeApiVersions.SERVICE + " " + version);
            headers.putSingle(LEGACY_HEADER, version.toString());
        }
        headers.putSingle("Vary", HEADER + ", " + LEGACY_HEADER);
    }

    private static Optional<ApiVersion> requestedVersion(ContainerRequestContext request) {
        String modern = request.getHeaderString(HEADER);
        if (modern != null) {
            // the header may name several services: "compute 2.60, container 1.12"
            for (String entry : modern.split(",")) {
                String[] parts = entry.strip().split("\\s+");
                if (parts.length == 2 && parts[0].equalsIgnoreCase(ComputeApiVersions.SERVICE)) {
                    return Optional.of(parse(parts[1]));
                }
            }
        }
        String legacy = request.getHeaderString(LEGACY_HEADER);
        return legacy == null || legacy.isBlank() ? Optional.empty() : Optional.of(parse(legacy.strip()));
    }

    private static ApiVersion parse(String text) {
        if (text.equalsIgnoreCase("latest")) {
            return ComputeApiVersions.MAX;
        }
        ApiVersion version;
        try {
            version = ApiVersion.parse(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedVersion("API Version String " + text
                    + " is of invalid format. Must be of format MajorNum.MinorNum.");
        }
        if (!version.isAtLeast(ComputeApiVersions.MIN) || !version.isAtMost(ComputeApiVersions.MAX)) {
            throw new UnsupportedVersion("Version " + version + " is not supported by the API. Minimum is "
                    + ComputeApiVersions.MIN + " and maximum is " + ComputeApiVersions.MAX + ".");
        }
        return version;
    }

    static boolean isV21(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    private static Response fault(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(NovaFaultFormat.fault(status, message)).build();
    }

    /** Control flow inside this filter only: the version string is not {@code X.Y}. */
    private static final class MalformedVersion extends RuntimeException {
        MalformedVersion(String message) {
            super(message, null, false, false);
        }
    }

    /** Control flow inside this filter only: a well-formed version outside the range. */
    private static final class UnsupportedVersion extends RuntimeException {
        UnsupportedVersion(String message) {
            super(message, null, false, false);
        }
    }
}
