package io.windlass.compute.api;

import io.vertx.core.http.HttpServerRequest;
import io.windlass.api.context.PublicUrl;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nova's version discovery under the {@code /compute} prefix: v2.1, and the legacy v2.0 that Nova
 * still lists first and serves with the same code ({@link LegacyV2Filter}). {@code /compute/v2.1}
 * and {@code /compute/v2} answer directly rather than redirecting because openstacksdk reads them
 * without following redirects.
 */
@Path("/compute")
@Produces(MediaType.APPLICATION_JSON)
public class ComputeVersionResource {
    /** Nova's fixed date for the v2.1 API. */
    private static final String V21_UPDATED = "2013-07-23T11:33:21Z";
    /** Nova's fixed date for the v2.0 API. */
    private static final String V20_UPDATED = "2011-01-21T11:33:21Z";

    private final PublicUrl publicUrl;

    public ComputeVersionResource(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    @GET
    public Map<String, Object> versions(@Context HttpServerRequest request) {
        Map<String, Object> v20 = v20Summary();
        v20.put("links", List.of(Map.of("rel", "self", "href", v20Url(request))));
        Map<String, Object> v21 = summary(request);
        v21.put("links", List.of(Map.of("rel", "self", "href", v21Url(request))));
        return Map.of("versions", List.of(v20, v21));
    }

    /** Also serves {@code /compute/v2/}. */
    @GET
    @Path("/v2")
    public Map<String, Object> v20(@Context HttpServerRequest request) {
        Map<String, Object> doc = v20Summary();
        doc.put("links", List.of(Map.of("rel", "self", "href", v20Url(request)),
                Map.of("rel", "describedby", "type", "text/html", "href", "http://docs.openstack.org/")));
        doc.put("media-types", List.of(Map.of("base", "application/json",
                "type", "application/vnd.openstack.compute+json;version=2")));
        return Map.of("version", doc);
    }

    /** v2.0 has no microversions: Nova gives both versions as empty strings. */
    private static Map<String, Object> v20Summary() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", "v2.0");
        doc.put("status", "SUPPORTED");
        doc.put("version", "");
        doc.put("min_version", "");
        doc.put("updated", V20_UPDATED);
        return doc;
    }

    /** Also serves {@code /compute/v2.1/}: the router matches both spellings. */
    @GET
    @Path("/v2.1")
    public Map<String, Object> v21(@Context HttpServerRequest request) {
        Map<String, Object> doc = summary(request);
        doc.put("links", List.of(Map.of("rel", "self", "href", v21Url(request)),
                Map.of("rel", "describedby", "type", "text/html", "href", "http://docs.openstack.org/")));
        doc.put("media-types", List.of(Map.of("base", "application/json",
                "type", "application/vnd.openstack.compute+json;version=2.1")));
        return Map.of("version", doc);
    }

    private static Map<String, Object> summary(HttpServerRequest request) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", "v2.1");
        doc.put("status", "CURRENT");
        doc.put("version", ComputeApiVersions.MAX.toString());
        doc.put("min_version", ComputeApiVersions.MIN.toString());
        doc.put("updated", V21_UPDATED);
        return doc;
    }

    private String v20Url(HttpServerRequest request) {
        return publicUrl.root(request) + "/compute/v2/";
    }

    private String v21Url(HttpServerRequest request) {
        return publicUrl.root(request) + "/compute/v2.1/";
    }
}
