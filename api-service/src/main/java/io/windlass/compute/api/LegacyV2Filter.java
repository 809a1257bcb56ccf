package io.windlass.compute.api;

import io.windlass.api.validation.RelaxedValidation;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriBuilder;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Nova's legacy v2 API ({@code /v2}, {@code LegacyV2CompatibleWrapper}): the v2.1 routes at the
 * v2 prefix, for clients and catalogues that still name {@code /v2/{project_id}}. As in Nova, such a
 * request is served at the base microversion whatever version header it sends, its answer carries
 * no version headers, and its body's undeclared members are dropped rather than refused
 * ({@link RelaxedValidation}). Only the version document itself ({@code /compute/v2[/]}) is left to
 * {@link ComputeVersionResource}.
 */
public class LegacyV2Filter {
    private static final String PREFIX = "/compute/v2/";
    private static final String LEGACY = LegacyV2Filter.class.getName() + ".legacy";

    private final RelaxedValidation relaxation;

    public LegacyV2Filter(RelaxedValidation relaxation) {
        this.relaxation = relaxation;
    }

    // before the project segment (190) and microversion negotiation (200), which then see a v2.1 path
    @ServerRequestFilter(preMatching = true, priority = 180)
    public void reroute(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith(PREFIX) || path.length() == PREFIX.length()) {
            return;
        }
        request.setProperty(LEGACY, Boolean.TRUE);
        relaxation.relax();
        request.getHeaders().remove(ComputeMicroversionFilter.HEADER);
        request.getHeaders().remove(ComputeMicroversionFilter.LEGACY_HEADER);
        request.setRequestUri(UriBuilder.fromUri(request.getUriInfo().getRequestUri())
                .replacePath("/compute/v2.1/" + path.substring(PREFIX.length())).build());
    }

    /** Whether {@code request} came in at the v2 prefix. */
    static boolean isLegacy(ContainerRequestContext request) {
        return Boolean.TRUE.equals(request.getProperty(LEGACY));
    }
}
