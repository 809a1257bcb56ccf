package io.windlass.identity.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.vertx.ext.web.RoutingContext;
import io.windlass.api.context.PublicUrl;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/** Keystone's version discovery: {@code /} lists the versions (300), {@code /v3} describes v3. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class IdentityVersionResource {
    private final PublicUrl publicUrl;

    public IdentityVersionResource(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    /** The v3 version object, as Keystone Ussuri and later describe it. */
    public record Version(@JsonProperty("id") String id, @JsonProperty("status") String status,
                          @JsonProperty("updated") String updated,
                          @JsonProperty("links") List<Map<String, String>> links,
                          @JsonProperty("media-types") List<Map<String, String>> mediaTypes) {
    }

    @GET
    public Response versions(@Context RoutingContext routing) {
        Map<String, Object> body = Map.of("versions", Map.of("values", List.of(v3(routing))));
        return Response.status(300).entity(body).build();
    }

    @GET
    @Path("v3")
    public Map<String, Version> version(@Context RoutingContext routing) {
        return Map.of("version", v3(routing));
    }

    private Version v3(RoutingContext routing) {
        String self = IdentityPrefixFilter.base(publicUrl.root(routing.request()), routing) + "/v3/";
        return new Version("v3.14", "stable", "2020-04-07T00:00:00Z", List.of(Map.of("rel", "self", "href", self)),
                List.of(Map.of("base", "application/json", "type", "application/vnd.openstack.identity-v3+json")));
    }
}
