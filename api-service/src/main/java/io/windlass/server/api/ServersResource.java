package io.windlass.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.config.ApiConfig;
import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.error.PolicyNotAuthorizedException;
import io.windlass.compute.api.ComputeApiVersions;
import io.windlass.compute.api.ComputeLinks;
import io.windlass.compute.api.RequestedComputeVersion;
import io.windlass.context.RequestContext;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.server.persistence.ServerQuery;
import io.windlass.server.policy.ServerPolicy;
import io.windlass.server.service.CreatedServers;
import io.windlass.server.service.ServerAdminPasswords;
import io.windlass.server.service.EvacuationRequest;
import io.windlass.server.service.RebuildRequest;
import io.windlass.server.service.ServerActionRequest;
import io.windlass.server.service.ServerRebuilds;
import io.windlass.server.service.ServerRescues;
import io.windlass.server.service.ServerShelves;
import io.windlass.server.service.ServerStateResets;
import io.windlass.server.service.ServerSnapshots;
import io.windlass.server.service.ServerResizes;
import io.windlass.server.service.ServerDeferredDeletes;
import io.windlass.server.service.ServerSecurityGroups;
import io.windlass.server.service.ServerConsoleOutput;
import io.windlass.server.service.ServerEvacuations;
import io.windlass.server.service.ServerLocks;
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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Nova's {@code /v2.1/servers} under the API port's {@code /compute} prefix (the
 * {@code /{project_id}} form is routed here by {@code ProjectSegmentFilter}).
 * Request → {@link ServerService} → conductor {@code build_server}/{@code server_action}/
 * {@code delete_server} (evacuate: {@link ServerEvacuations} → {@code evacuate_server}) → the host's
 * agent; outcomes come back as agent reports.
 */
@Path("/compute/v2.1/servers")
@Produces(MediaType.APPLICATION_JSON)
public class ServersResource {
    private final ServerService service;
    private final ServerEvacuations evacuations;
    private final ServerRequests requests;
    private final ServerViews views;
    private final ServerPolicy policy;
    private final CurrentRequestContext context;
    private final RequestedComputeVersion version;
    private final ComputeLinks links;
    private final ApiConfig config;
    private final ServerLocks locks;
    private final ServerConsoleOutput console;
    private final ServerRebuilds rebuilds;
    private final ServerRescues rescues;
    private final ServerSnapshots snapshots;
    private final ServerShelves shelves;
    private final ServerResizes resizes;
    private final ServerSecurityGroups securityGroups;
    private final ServerDeferredDeletes deferredDeletes;
    private final ServerAdminPasswords adminPasswords;
    private final ServerStateResets stateResets;

    public ServersResource(ServerService service, ServerEvacuations evacuations, ServerRequests requests,
                           ServerViews views, ServerPolicy policy, CurrentRequestContext context,
                           RequestedComputeVersion version, ComputeLinks links, ApiConfig config, ServerLocks locks,
                           ServerConsoleOutput console, ServerRebuilds rebuilds, ServerSnapshots snapshots,
                           ServerResizes resizes,
                           ServerSecurityGroups securityGroups, ServerDeferredDeletes deferredDeletes,
                           ServerAdminPasswords adminPasswords, ServerShelves shelves, ServerRescues rescues,
                           ServerStateResets stateResets) {
        this.service = service;
        this.stateResets = stateResets;
        this.rescues = rescues;
        this.shelves = shelves;
        this.adminPasswords = adminPasswords;
        this.deferredDeletes = deferredDeletes;
        this.securityGroups = securityGroups;
        this.resizes = resizes;
        this.rebuilds = rebuilds;
        this.snapshots = snapshots;
        this.locks = locks;
        this.console = console;
        this.evacuations = evacuations;
        this.requests = requests;
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
        var request = requests.create(body, version.get());
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
        ServerEntity server = service.update(caller, id, requests.update(body, version.get()));
        return Map.of("server", views.updated(server, caller, version.get()));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        service.delete(context.get(), id);
        return Response.noContent().build();
    }

    /**
     * The power actions ({@code os-start}, {@code os-stop}, {@code reboot}, {@code pause}, {@code unpause}):
     * 202; {@code evacuate}: 200 as in Nova, with {@code {"adminPass": ...}} before 2.14 and no body after;
     * {@code os-getConsoleOutput}: 200 with {@code {"output": ...}}; {@code changePassword}: 202 once the host set it.
     */
    @POST
    @Path("/{id}/action")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response action(@PathParam("id") String id, JsonNode body) {
        return switch (requests.action(body, version.get())) {
            case ServerActionRequest.Power power -> {
                service.act(context.get(), id, power.action());
                yield Response.accepted().build();
            }
            case ServerActionRequest.Lock lock -> {
                locks.lock(context.get(), id, lock.reason());
                yield Response.accepted().build();
            }
            case ServerActionRequest.Unlock unlock -> {
                locks.unlock(context.get(), id);
                yield Response.accepted().build();
            }
            case ServerActionRequest.ResetState reset -> {
                stateResets.reset(context.get(), id, reset.state());
                yield Response.accepted().build();
            }
            case ServerActionRequest.ConsoleOutput output ->
                    Response.ok(Map.of("output", console.read(context.get(), id, output.length()))).build();
            case ServerActionRequest.DeferredDelete deferred -> {
                deferredDeletes.refuse(context.get(), id, deferred.method());
                yield Response.accepted().build();
            }
            case ServerActionRequest.SecurityGroup change -> {
                if (change.add()) {
                    securityGroups.add(context.get(), id, change.group());
                } else {
                    securityGroups.remove(context.get(), id, change.group());
                }
                yield Response.accepted().build();
            }
            case ServerActionRequest.Resize resize -> {
                resizes.resize(context.get(), id, resize.flavorRef(), resize.diskConfig());
                yield Response.accepted().build();
            }
            case ServerActionRequest.Migrate migrate -> {
                resizes.migrate(context.get(), id, migrate.host());
                yield Response.accepted().build();
            }
            case ServerActionRequest.ConfirmResize confirm -> {
                resizes.confirm(context.get(), id);
                yield Response.noContent().build();
            }
            case ServerActionRequest.ChangePassword change -> {
                adminPasswords.change(context.get(), id, change.adminPass());
                yield Response.accepted().build();
            }
            case ServerActionRequest.Shelve shelve -> {
                if (shelve.offload()) {
                    shelves.offload(context.get(), id);
                } else {
                    shelves.shelve(context.get(), id);
                }
                yield Response.accepted().build();
            }
            case ServerActionRequest.Unshelve unshelve -> {
                shelves.unshelve(context.get(), id, unshelve);
                yield Response.accepted().build();
            }
            // 200 with the password, as Nova's (enable_instance_password, on by default)
            case ServerActionRequest.Rescue rescue -> Response.ok(Map.of("adminPass",
                    rescues.rescue(context.get(), id, rescue.adminPass(), rescue.rescueImageRef()))).build();
            case ServerActionRequest.Unrescue unrescue -> {
                rescues.unrescue(context.get(), id);
                yield Response.accepted().build();
            }
            case ServerActionRequest.RevertResize revert -> {
                resizes.revert(context.get(), id);
                yield Response.accepted().build();
            }
            case ServerActionRequest.CreateImage create -> {
                String image = snapshots.snapshot(context.get(), id, create).toString();
                if (version.get().isAtLeast(ComputeApiVersions.SNAPSHOT_IMAGE_ID)) {
                    yield Response.accepted(Map.of("image_id", image)).build();
                }
                // a backup rotated to 0 is gone at once: Nova names no place for it
                boolean kept = create.backupType() == null || create.rotation() > 0;
                yield kept ? Response.accepted().location(URI.create(create.backupType() == null ? links.image(image)
                        : links.self("images", image))).build() : Response.accepted().build();
            }
            case RebuildRequest rebuild -> {
                ServerRebuilds.Rebuilt rebuilt = rebuilds.rebuild(context.get(), id, rebuild);
                yield Response.accepted(Map.of("server", views.rebuilt(rebuilt.server(), context.get(),
                        version.get(), rebuilt.adminPass()))).build();
            }
            case EvacuationRequest evacuation -> {
                String adminPass = evacuations.evacuate(context.get(), id, evacuation);
                // a null password is shown as null (on shared storage), hence no Map.of
                yield evacuation.answersPassword() ? Response.ok(Collections.singletonMap("adminPass", adminPass))
                        .build() : Response.ok().build();
            }
        };
    }

    private Map<String, Object> page(UriInfo uri, boolean detail, Function<ServerEntity, Map<String, Object>> view) {
        RequestContext caller = context.get();
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        ServerQuery query = visibleQuery(requests.list(params, version.get(), config.maxLimit()), caller, detail);
        List<ServerEntity> servers = service.list(query);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("servers", servers.stream().map(view).toList());
        if (!servers.isEmpty() && servers.size() == query.limit()) {
            body.put("servers_links", List.of(Map.of("rel", "next",
                    "href", next(detail, params, servers.getLast().uuid.toString()))));
        }
        return body;
    }

    /**
     * The listing the caller may have: all_tenants needs its rule, the deleted filter, sorting by host
     * and the admin filters need {@code allow_all_filters}.
     */
    private ServerQuery visibleQuery(ServerRequests.ListRequest request, RequestContext caller, boolean detail) {
        boolean allFilters = policy.allows(ServerPolicy.ALLOW_ALL_FILTERS, caller, caller.projectId());
        if ((request.deletedFilter() || request.sortsByHost()) && !allFilters) {
            throw new PolicyNotAuthorizedException(ServerPolicy.ALLOW_ALL_FILTERS);
        }
        String project = caller.projectId();
        if (request.allTenants()) {
            policy.authorize(detail ? ServerPolicy.DETAIL_ALL_TENANTS : ServerPolicy.INDEX_ALL_TENANTS, caller,
                    caller.projectId());
            project = request.project();
        }
        // filters the caller may not use are dropped silently, as Nova drops them
        Map<String, Object> filters = new LinkedHashMap<>(request.query().equal());
        filters.keySet().removeIf(name -> !allFilters && (ServerPolicy.ADMIN_FILTERS.contains(name)
                || ServerPolicy.FILTERS_FROM_2_83.contains(name) && !version.isAtLeast(ComputeApiVersions.SERVER_FILTERS)));
        return request.query().withFilters(filters).forProject(project);
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
