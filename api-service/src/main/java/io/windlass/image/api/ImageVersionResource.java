package io.windlass.image.api;

import io.vertx.core.http.HttpServerRequest;
import io.windlass.api.context.PublicUrl;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Glance's version document at the image catalog URL: {@code 300 Multiple Choices} listing
 * v2.15 as CURRENT and the older v2 minor versions as SUPPORTED, every one linking to
 * {@code /image/v2/}. keystoneauth (under glanceclient, novaclient and openstacksdk) picks the
 * highest v2 and uses its link as the endpoint. Public, as every version document.
 */
@Path("/image")
@Produces(MediaType.APPLICATION_JSON)
public class ImageVersionResource {
    static final int CURRENT_MINOR = 15;

    private final PublicUrl publicUrl;

    public ImageVersionResource(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    @GET
    public Response versions(@Context HttpServerRequest request) {
        return Response.status(300).entity(document(request)).build();
    }

    /** Glance's {@code GET /versions}: the same list with 200; glanceclient asks it before anything else. */
    @GET
    @Path("/versions")
    public Map<String, Object> versionList(@Context HttpServerRequest request) {
        return document(request);
    }

    private Map<String, Object> document(HttpServerRequest request) {
        String self = publicUrl.root(request) + "/image/v2/";
        List<Map<String, Object>> versions = new ArrayList<>();
        for (int minor = CURRENT_MINOR; minor >= 0; minor--) {
            versions.add(Map.of("id", "v2." + minor, "status", minor == CURRENT_MINOR ? "CURRENT" : "SUPPORTED",
                    "links", List.of(Map.of("rel", "self", "href", self))));
        }
        return Map.of("versions", versions);
    }
}
