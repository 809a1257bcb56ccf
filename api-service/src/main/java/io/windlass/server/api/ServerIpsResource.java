package io.windlass.server.api;

import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.server.ServerAddress;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.server.policy.ServerPolicy;
import io.windlass.server.service.ServerLookup;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Nova's {@code /v2.1/servers/{id}/ips} ({@code nova/api/openstack/compute/ips.py}): a server's
 * addresses by network label, each only {@code version} and {@code addr} (no {@code OS-EXT-IPS}
 * keys, unlike the server view), and one network's by its label.
 */
@Path("/compute/v2.1/servers/{id}/ips")
@Produces(MediaType.APPLICATION_JSON)
public class ServerIpsResource {
    private final ServerLookup lookup;
    private final CurrentRequestContext context;

    public ServerIpsResource(ServerLookup lookup, CurrentRequestContext context) {
        this.lookup = lookup;
        this.context = context;
    }

    @GET
    public Map<String, Object> index(@PathParam("id") String id) {
        Map<String, Object> networks = new TreeMap<>();
        visible(id, ServerPolicy.IPS_INDEX).addresses.forEach((label, list) -> networks.put(label, basic(list)));
        return Map.of("addresses", networks);
    }

    @GET
    @Path("/{label}")
    public Map<String, Object> show(@PathParam("id") String id, @PathParam("label") String label) {
        List<ServerAddress> addresses = visible(id, ServerPolicy.IPS_SHOW).addresses.get(label);
        if (addresses == null) {
            // Nova's words when the label names no network of the server
            throw new ResourceNotFoundException("NotFound", "Instance is not a member of specified network");
        }
        return Map.of(label, basic(addresses));
    }

    private ServerEntity visible(String id, String rule) {
        return lookup.authorized(context.get(), id, rule);
    }

    private static List<Map<String, Object>> basic(List<ServerAddress> addresses) {
        return addresses.stream().map(a -> Map.<String, Object>of("version", a.version(), "addr", a.addr())).toList();
    }
}
