package io.windlass.networking;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v2.0/extensions[/{alias}]}: only the extensions this API really implements, so
 * that clients which probe (OSC's {@code find_extension}, Nova, Tempest) take the paths that work.
 */
@Path(NeutronErrorFormat.PREFIX + "/v2.0/extensions")
@Produces(MediaType.APPLICATION_JSON)
public class ExtensionsResource {
    private static final String UPDATED = "2026-12-05T00:00:00-00:00";
    /** alias, name, description. */
    private static final List<String[]> EXTENSIONS = List.of(
            new String[]{"binding", "Port Binding", "Expose port bindings of a virtual port to external application"},
            new String[]{"security-group", "security-group", "The security groups extension. NOTE: in this "
                    + "deployment the ingress rules of a workload port's groups are enforced on its host; egress "
                    + "rules are stored but NOT enforced."},
            new String[]{"router", "Neutron L3 Router", "Router abstraction for basic L3 forwarding between "
                    + "L2 Neutron networks; no external gateway or floating IPs in this deployment."},
            new String[]{"standard-attr-description", "standard-attr-description",
                    "Extension to add descriptions to standard attributes"},
            new String[]{"standard-attr-timestamp", "Resource timestamps",
                    "Adds created_at and updated_at fields to all Neutron resources that have Neutron standard "
                            + "attributes."},
            new String[]{"standard-attr-revisions", "Resource revision numbers",
                    "This extension will display the revision number of neutron resources."},
            new String[]{"project-id", "project_id field enabled",
                    "Extension that indicates that project_id field is enabled."},
            new String[]{"provider", "Provider Network", "Expose mapping of virtual networks to physical networks"},
            new String[]{"quotas", "Quota management support", "Expose functions for quotas management per project"},
            new String[]{"network-mtu", "Network MTU", "Provides MTU attribute for a network resource."},
            new String[]{"port-security", "Port Security", "Provides port security"},
            new String[]{"external-net", "Neutron external network", "Adds external network attribute to network "
                    + "resource. No external networks exist in this deployment."},
            new String[]{"pagination", "Pagination support", "Extension that indicates that pagination is enabled."});

    @GET
    public Map<String, Object> list() {
        return Map.of("extensions", EXTENSIONS.stream().map(ExtensionsResource::view).toList());
    }

    @GET
    @Path("/{alias}")
    public Map<String, Object> show(@PathParam("alias") String alias) {
        return EXTENSIONS.stream().filter(e -> e[0].equals(alias)).findFirst()
                .map(e -> Map.<String, Object>of("extension", view(e)))
                .orElseThrow(() -> NeutronException.notFound("HTTPNotFound",
                        "Extension with alias " + alias + " does not exist"));
    }

    private static Map<String, Object> view(String[] e) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", e[1]);
        view.put("alias", e[0]);
        view.put("description", e[2]);
        view.put("links", List.of());
        view.put("updated", UPDATED);
        return view;
    }
}
