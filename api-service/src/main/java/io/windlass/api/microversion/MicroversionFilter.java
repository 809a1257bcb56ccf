package io.windlass.api.microversion;

import io.windlass.api.error.ZunErrorBody;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Negotiates {@code OpenStack-API-Version: container 1.N} for {@code /container/v1/**}:
 * absent means the minimum, a malformed or out-of-range value is refused with 406, and
 * every v1 response says which version served it.
 */
public class MicroversionFilter {
    private static final Logger LOG = Logger.getLogger(MicroversionFilter.class);
    static final String HEADER = "OpenStack-API-Version";
    private static final String V1_PREFIX = "container/v1";
    private static final String NEGOTIATED = MicroversionFilter.class.getName() + ".negotiated";

    private static final String RANGE = "The supported version range is: [" + ContainerApiVersions.MIN + ", "
            + ContainerApiVersions.MAX + "].";

    private final RequestedApiVersion requested;

    public MicroversionFilter(RequestedApiVersion requested) {
        this.requested = requested;
    }

    @ServerRequestFilter(preMatching = true, priority = 200)
    public Response negotiate(ContainerRequestContext request) {
        if (!isV1(request)) {
            return null;
        }
        String header = request.getHeaderString(HEADER);
        try {
            ApiVersion version = header == null ? ContainerApiVersions.MIN : parse(header);
            requested.set(version);
            request.setProperty(NEGOTIATED, version);
            return null;
        } catch (UnacceptableVersion e) {
            LOG.infof("406 for %s: %s", HEADER, e.getMessage());
            return Response.status(406).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ZunErrorBody.of(406, "NotAcceptable", e.getMessage())).build();
        }
    }

    @ServerResponseFilter
    public void advertise(ContainerRequestContext request, ContainerResponseContext response) {
        if (!isV1(request)) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        if (request.getProperty(NEGOTIATED) instanceof ApiVersion version) {
            headers.putSingle(HEADER, ContainerApiVersions.SERVICE + " " + version);
        }
        headers.putSingle("OpenStack-API-Minimum-Version", ContainerApiVersions.SERVICE + " " + ContainerApiVersions.MIN);
        headers.putSingle("OpenStack-API-Maximum-Version", ContainerApiVersions.SERVICE + " " + ContainerApiVersions.MAX);
        headers.putSingle("Vary", HEADER);
    }

    private static boolean isV1(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.equals(V1_PREFIX) || trimmed.startsWith(V1_PREFIX + "/");
    }

    private static ApiVersion parse(String header) {
        String[] parts = header.strip().split("\\s+");
        if (parts.length != 2 || !parts[0].equalsIgnoreCase(ContainerApiVersions.SERVICE)) {
            throw new UnacceptableVersion("Invalid value for " + HEADER + " header: '" + header + "'. " + RANGE);
        }
        if (parts[1].equalsIgnoreCase("latest")) {
            return ContainerApiVersions.MAX;
        }
        ApiVersion version;
        try {
            version = ApiVersion.parse(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new UnacceptableVersion("Invalid value for " + HEADER + " header: '" + header + "'. " + RANGE);
        }
        if (version.major() != ContainerApiVersions.MIN.major()) {
            throw new UnacceptableVersion("Mutually exclusive versions requested. Version " + version
                    + " requested but not supported by this service. " + RANGE);
        }
        if (!version.isAtLeast(ContainerApiVersions.MIN) || !version.isAtMost(ContainerApiVersions.MAX)) {
            throw new UnacceptableVersion("Version " + version + " was requested but the minor version is not "
                    + "supported by this service. " + RANGE);
        }
        return version;
    }

    /** Control flow inside this filter only: the header cannot be honoured. */
    private static final class UnacceptableVersion extends RuntimeException {
        UnacceptableVersion(String message) {
            super(message, null, false, false);
        }
    }
}
