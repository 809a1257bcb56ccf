package io.windlass.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.config.ApiConfig;
import io.windlass.api.context.CurrentRequestContext;
import io.windlass.compute.api.ComputeInput;
import io.windlass.compute.api.ComputeLinks;
import io.windlass.compute.api.RequestedComputeVersion;
import io.windlass.context.RequestContext;
import io.windlass.server.ServerAction;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.server.persistence.ServerQuery;
import io.windlass.server.policy.ServerPolicy;
import io.windlass.server.service.CreatedServers;
import io.windlass.server.service.ServerService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Nova's {@code /v2.1/servers} under the API port's {@code /compute} prefix (the
 * {@code /{project_id}} form is routed here by {@code ProjectSegmentFilter}).
 * Request → {@link ServerService} → conductor {@code build_server}/{@code server_action}/
 * {@code delete_server} → the host's agent; outcomes come back as agent reports.
 */
@Path("/compute/v2.1/servers")
@Produces(MediaType.APPLICATION_JSON)
public class ServersResource {
    private final ServerService service;
    private final ServerRequestParser parser;
    private final ServerListRequestParser listParser;
    private final ServerViews views;
    private final ServerPolicy policy;
    private final CurrentRequestContext context;
    private final RequestedComputeVersion version;
    private final ComputeLinks links;
    private final ApiConfig config;

    public ServersResource(ServerService service, ServerRequestParser parser, ServerListRequestParser listParser,
                           ServerViews views, ServerPolicy policy, CurrentRequestContext context,
                           RequestedComputeVersion version, ComputeLinks links, ApiConfig config) {
        this.service = service;
        this.parser = parser;
        this.listParser = listParser;
        this.views = views;
        this.policy = policy;
        this.context = context;
        this.version = version;
        this.links = links;
        this.config = config;
    }

    @GET
    public Map<String, Object> list(@Context UriInfo uri) {
        RequestContext caller = context.get();
        policy.authorize(ServerPolicy.INDEX, caller, caller.projectId());
        return page(uri, false, views::summary);
    }

    @GET
    @Path("/detail")
    public Map<String, Object> detail(@Context UriInfo uri) {
        RequestContext caller = context.get();
        policy.authorize(ServerPolicy.DETAIL, caller, caller.projectId());
        return page(uri, true, s -> views.full(s, caller, version.get(), false));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body) {
        RequestContext caller = context.get();
        var request = parser.create(body, version.get());
        CreatedServers created = service.create(caller, request);
        if (request.returnReservationId()) {
            return Response.accepted(Map.of("reservation_id", created.reservationId())).build();
        }
        ServerEntity first = created.servers().getFirst();
        return Response.accepted(Map.of("server", views.created(first, created.adminPass())))
                .location(URI.create(links.self("servers", first.uuid.toString()))).build();
    }

    @GET
    @Path("/{id}")
    public Map<String, Object> show(@PathParam("id") String id) {
        RequestContext caller = context.get();
        ServerEntity server = service.show(caller, id);
        return Map.of("server", views.full(server, caller, version.get(), true));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(@PathParam("id") String id, JsonNode body) {
        RequestContext caller = context.get();
        ServerEntity server = service.update(caller, id, parser.update(body, version.get()));
        return Map.of("server", views.updated(server, caller, version.get()));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        service.delete(context.get(), id);
        return Response.noContent().build();
    }

    /** The power actions: {@code os-start}, {@code os-stop}, {@code reboot}, {@code pause}, {@code unpause}. */
    @POST
    @Path("/{id}/action")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response action(@PathParam("id") String id, JsonNode body) {
        service.act(context.get(), id, action(body));
        return Response.accepted().build();
    }

    private static ServerAction action(JsonNode body) {
        if (body == null || !body.isObject() || body.isEmpty()) {
            throw ComputeInput.badRequest("Malformed request body");
        }
        if (body.size() != 1) {
            throw ComputeInput.badRequest("Exactly one action is allowed per request, got " + body.size());
        }
        String name = body.fieldNames().next();
        JsonNode args = body.get(name);
        return switch (name) {
            case "os-start" -> nullArgs(name, args, ServerAction.START);
            case "os-stop" -> nullArgs(name, args, ServerAction.STOP);
            case "pause" -> nullArgs(name, args, ServerAction.PAUSE);
            case "unpause" -> nullArgs(name, args, ServerAction.UNPAUSE);
            case "reboot" -> reboot(args);
            default -> throw ComputeInput.badRequest("There is no such action: " + name);
        };
    }

    private static ServerAction nullArgs(String name, JsonNode args, ServerAction action) {
        if (args != null && !args.isNull() && !(args.isObject() && args.isEmpty())) {
            throw ComputeInput.invalid(name, args, args + " is not of type 'null'");
        }
        return action;
    }

    private static ServerAction reboot(JsonNode args) {
        if (args == null || !args.isObject()) {
            throw ComputeInput.invalid("reboot", args, args + " is not of type 'object'");
        }
        JsonNode type = args.get("type");
        if (type == null) {
            throw ComputeInput.invalid("reboot", args, "'type' is a required property");
        }
        args.fieldNames().forEachRemaining(key -> {
            if (!key.equals("type")) {
                throw ComputeInput.invalid("reboot", args, "Additional properties are not allowed ('" + key
                        + "' was unexpected)");
            }
        });
        // Nova's schema accepts the type in any case
        return switch (type.asText().toUpperCase(java.util.Locale.ROOT)) {
            case "SOFT" -> ServerAction.REBOOT_SOFT;
            case "HARD" -> ServerAction.REBOOT_HARD;
            default -> throw ComputeInput.invalid("reboot/type", type.asText(), "'" + type.asText()
                    + "' is not one of ['HARD', 'Hard', 'hard', 'SOFT', 'Soft', 'soft']");
        };
    }

    private Map<String, Object> page(UriInfo uri, boolean detail, Function<ServerEntity, Map<String, Object>> view) {
        RequestContext caller = context.get();
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        ServerQuery query = listParser.parse(params, caller, version.get(), detail, config.maxLimit());
        List<ServerEntity> servers = service.list(query);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("servers", servers.stream().map(view).toList());
        if (!servers.isEmpty() && servers.size() == query.limit()) {
            body.put("servers_links", List.of(Map.of("rel", "next",
                    "href", next(detail, params, servers.getLast().uuid.toString()))));
        }
        return body;
    }

    /** The same query, parameters sorted, with marker set to the page's last id. */
    private String next(boolean detail, MultivaluedMap<String, String> params, String marker) {
        TreeMap<String, List<String>> sorted = new TreeMap<>(params);
        sorted.put("marker", List.of(marker));
        List<String> pairs = new ArrayList<>();
        sorted.forEach((name, values) -> values.forEach(v -> pairs.add(encode(name) + "=" + encode(v))));
        return links.versioned() + "/servers" + (detail ? "/detail" : "") + "?" + String.join("&", pairs);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
