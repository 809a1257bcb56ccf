package io.windlass.container.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.vertx.core.http.HttpServerRequest;
import io.windlass.api.context.PublicUrl;
import io.windlass.api.microversion.ContainerApiVersions;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Zun's version discovery: {@code /container} lists the API versions, {@code /container/v1} describes v1. */
@Path("/container")
@Produces(MediaType.APPLICATION_JSON)
public class VersionResource {
    private static final List<String> V1_RESOURCES = List.of("services", "containers", "images", "networks",
            "hosts", "capsules", "availability_zones", "quotas", "quota_classes", "registries");

    private final PublicUrl publicUrl;

    public VersionResource(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    /**
     * One API version as discovery lists it.
     */
    public record Version(@JsonProperty("id") String id, @JsonProperty("links") List<Link> links,
                          @JsonProperty("status") String status, @JsonProperty("max_version") String maxVersion,
                          @JsonProperty("min_version") String minVersion) {
    }

    /**
     * The root document zunclient reads to negotiate a microversion.
     */
    public record Root(@JsonProperty("name") String name, @JsonProperty("description") String description,
                       @JsonProperty("versions") List<Version> versions,
                       @JsonProperty("default_version") Version defaultVersion) {
    }

    @GET
    public Root root(@Context HttpServerRequest request) {
        String base = zunRoot(request);
        Version v1 = new Version("v1", List.of(new Link(base + "/v1/", "self")), "CURRENT",
                ContainerApiVersions.MAX.toString(), ContainerApiVersions.MIN.toString());
        return new Root("OpenStack Zun API",
                "Zun is an OpenStack project which aims to provide container management.", List.of(v1), v1);
    }

    @GET
    @Path("/v1")
    public Map<String, Object> v1(@Context HttpServerRequest request) {
        String base = zunRoot(request);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", "v1");
        doc.put("media_types", List.of(Map.of("base", "application/json",
                "type", "application/vnd.openstack.zun.v1+json")));
        doc.put("links", List.of(new Link(base + "/v1/", "self"),
                Map.of("href", "https://docs.openstack.org/developer/zun/dev/api-spec-v1.html",
                        "rel", "describedby", "type", "text/html")));
        for (String resource : V1_RESOURCES) {
            doc.put(resource, List.of(new Link(base + "/v1/" + resource + "/", "self"),
                    new Link(base + "/" + resource + "/", "bookmark")));
        }
        return doc;
    }

    private String zunRoot(HttpServerRequest request) {
        return publicUrl.root(request) + "/container";
    }
}
