package io.windlass.compute.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.compute.policy.ComputePolicy;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Nova's {@code GET /v2.1/extensions[/{alias}]} ({@code extension_info.py}), the v2 extensions list
 * that old clients and Tempest read to learn what a cloud offers. Nova's list is frozen and names
 * extensions it no longer serves; this one ({@code compute/extensions.json}, Nova's entries word for
 * word) names those whose requests or fields Windlass serves, so a client that probes takes the paths
 * that work, and {@code os-consoles}, which every Nova still lists although it removed that API (its
 * routes answer 410 there, 404 here): clients read the entry itself (Tempest's
 * {@code test_get_extension} shows it), never its routes.
 */
@Path("/compute/v2.1/extensions")
@Produces(MediaType.APPLICATION_JSON)
public class ComputeExtensionsResource {
    private final List<Map<String, Object>> extensions;
    private final ComputePolicy policy;
    private final CurrentRequestContext context;

    public ComputeExtensionsResource(ObjectMapper json, ComputePolicy policy, CurrentRequestContext context) {
        this.policy = policy;
        this.context = context;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("compute/extensions.json")) {
            this.extensions = json.readValue(in, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read compute/extensions.json", e);
        }
    }

    @GET
    public Map<String, Object> list() {
        policy.authorize(ComputePolicy.EXTENSIONS, context.get());
        return Map.of("extensions", extensions);
    }

    @GET
    @Path("/{alias}")
    public Map<String, Object> show(@PathParam("alias") String alias) {
        policy.authorize(ComputePolicy.EXTENSIONS, context.get());
        return extensions.stream().filter(e -> alias.equals(e.get("alias"))).findFirst()
                .map(e -> Map.<String, Object>of("extension", e))
                .orElseThrow(() -> new ResourceNotFoundException("HTTPNotFound", "The resource could not be found."));
    }
}
