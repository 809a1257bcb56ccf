package io.windlass.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.microversion.ApiVersion;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import io.windlass.compute.api.RequestedComputeVersion;
import io.windlass.port.persistence.PortRecord;
import io.windlass.port.workload.RequestedNetwork;
import io.windlass.server.service.ServerInterfaces;
import io.windlass.server.service.ServerInterfaces.Attachment;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nova's {@code /v2.1/servers/{id}/os-interface} ({@code nova/api/openstack/compute/attach_interfaces.py}):
 * list, show, attach (200 with the attachment) and detach (202). The attachment shows the port as
 * the Networking API has it; {@code tag} from 2.70.
 */
@Path("/compute/v2.1/servers/{id}/os-interface")
@Produces(MediaType.APPLICATION_JSON)
public class ServerInterfacesResource {
    private static final ApiVersion TAGS_SHOWN = ApiVersion.parse("2.70");

    private final ServerInterfaces interfaces;
    private final RequestValidator validator;
    private final CurrentRequestContext context;
    private final RequestedComputeVersion version;

    public ServerInterfacesResource(ServerInterfaces interfaces, RequestValidator validator,
                                    CurrentRequestContext context, RequestedComputeVersion version) {
        this.interfaces = interfaces;
        this.validator = validator;
        this.context = context;
        this.version = version;
    }

    @GET
    public Map<String, Object> index(@PathParam("id") String id) {
        return Map.of("interfaceAttachments", interfaces.list(context.get(), id).stream().map(this::view).toList());
    }

    @GET
    @Path("/{portId}")
    public Map<String, Object> show(@PathParam("id") String id, @PathParam("portId") String portId) {
        return Map.of("interfaceAttachment", view(interfaces.show(context.get(), id, portId)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> create(@PathParam("id") String id, JsonNode body) {
        // Nova takes an empty body as "the project's network"
        JsonNode document = body == null || body.isNull() ? JsonNodeFactory.instance.objectNode() : body;
        RequestFields root = validator.body(ApiFamily.NOVA, "compute/servers/interface-create", version.get(), document);
        RequestedNetwork requested = null;
        RequestFields a = root.has("interfaceAttachment") ? root.object("interfaceAttachment") : null;
        // neither a network nor a port (Tempest sends {}): the project's network, as Nova chooses it
        if (a != null && (a.has("net_id") || a.has("port_id") || a.has("fixed_ips"))) {
            String fixedIp = a.has("fixed_ips") ? a.get("fixed_ips").get(0).get("ip_address").asText() : null;
            requested = new RequestedNetwork(a.has("net_id") ? a.text("net_id") : null,
                    a.has("port_id") ? a.text("port_id") : null, fixedIp, a.has("tag") ? a.text("tag") : null);
        }
        return Map.of("interfaceAttachment", view(interfaces.attach(context.get(), id, requested)));
    }

    @DELETE
    @Path("/{portId}")
    public Response delete(@PathParam("id") String id, @PathParam("portId") String portId) {
        interfaces.detach(context.get(), id, portId);
        return Response.accepted().build();
    }

    private Map<String, Object> view(Attachment attachment) {
        PortRecord p = attachment.port();
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> fixedIps = p.fixedIps().stream()
                .map(ip -> Map.<String, Object>of("ip_address", ip.ipAddress(), "subnet_id", ip.subnetId())).toList();
        out.put("fixed_ips", fixedIps);
        out.put("mac_addr", p.macAddress());
        out.put("net_id", p.networkId());
        out.put("port_id", p.id());
        out.put("port_state", p.status());
        if (version.isAtLeast(TAGS_SHOWN)) {
            out.put("tag", attachment.tag());
        }
        return out;
    }
}
