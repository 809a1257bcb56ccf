package io.windlass.networking;

import io.vertx.core.http.HttpServerRequest;
import io.windlass.api.context.PublicUrl;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

/**
 * Neutron's version list at the catalog URL and the v2.0 resource list
 * (neutron/pecan_wsgi/controllers/root.py). openstacksdk skips discovery for the network service
 * and appends {@code /v2.0} itself; these are for other clients and people.
 */
@Path(NeutronErrorFormat.PREFIX)
@Produces(MediaType.APPLICATION_JSON)
public class NeutronRootResource {
    private static final List<String[]> RESOURCES = List.of(new String[]{"network", "networks"},
            new String[]{"subnet", "subnets"}, new String[]{"port", "ports"},
            new String[]{"security_group", "security-groups"},
            new String[]{"security_group_rule", "security-group-rules"}, new String[]{"router", "routers"});

    private final PublicUrl publicUrl;

    public NeutronRootResource(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    @GET
    public Map<String, Object> versions(@Context HttpServerRequest request) {
        String href = publicUrl.root(request) + NeutronErrorFormat.PREFIX + "/v2.0/";
        return Map.of("versions", List.of(Map.of("id", "v2.0", "status", "CURRENT",
                "links", List.of(Map.of("href", href, "rel", "self")))));
    }

    /** Neutron answers 404 for {@code /v2.0} without the slash; the version document has it. */
    @GET
    @Path("/v2.0/")
    public Map<String, Object> resources(@Context HttpServerRequest request) {
        String base = publicUrl.root(request) + NeutronErrorFormat.PREFIX + "/v2.0/";
        return Map.of("resources", RESOURCES.stream().map(r -> Map.of("name", r[0], "collection", r[1],
                "links", List.of(Map.of("rel", "self", "href", base + r[1])))).toList());
    }
}
