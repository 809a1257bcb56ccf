package io.windlass.container.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.vertx.core.http.HttpServerRequest;
import io.windlass.api.config.ApiConfig;
import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.context.PublicUrl;
import io.windlass.api.error.NotAcceptableException;
import io.windlass.api.error.PolicyNotAuthorizedException;
import io.windlass.api.microversion.RequestedApiVersion;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import io.windlass.container.ContainerAction;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.container.persistence.ContainerPage;
import io.windlass.container.policy.ContainerPolicy;
import io.windlass.container.service.ArchiveUpload;
import io.windlass.container.service.ContainerArchives;
import io.windlass.container.service.ContainerCommits;
import io.windlass.container.service.ContainerConsoles;
import io.windlass.container.service.ContainerExecs;
import io.windlass.container.service.ContainerLogQuery;
import io.windlass.container.service.ContainerLogs;
import io.windlass.container.service.ContainerPatch;
import io.windlass.container.service.ContainerInterfaces;
import io.windlass.container.service.ContainerSecurityGroups;
import io.windlass.container.service.ContainerService;
import io.windlass.container.service.ContainerTop;
import io.windlass.container.service.ExecCommand;
import io.windlass.context.RequestContext;
import io.windlass.port.workload.RequestedNetwork;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Zun's {@code /v1/containers} under the API port's {@code /container} prefix. */
@Path("/container/v1/containers")
@Produces(MediaType.APPLICATION_JSON)
public class ContainersResource {
    private final ContainerService service;
    private final ContainerRequests requests;
    private final RequestValidator validator;
    private final ContainerViews views;
    private final ContainerPolicy policy;
    private final CurrentRequestContext context;
    private final RequestedApiVersion version;
    private final PublicUrl publicUrl;
    private final ApiConfig config;
    private final ContainerInterfaces interfaces;
    private final ContainerLogs logs;
    private final ContainerExecs execs;
    private final ContainerTop top;
    private final ContainerArchives archives;
    private final ContainerCommits commits;
    private final ContainerSecurityGroups securityGroups;
    private final ContainerConsoles consoles;

    public ContainersResource(ContainerService service, ContainerRequests requests, RequestValidator validator,
                              ContainerViews views, ContainerPolicy policy, CurrentRequestContext context,
                              RequestedApiVersion version, PublicUrl publicUrl, ApiConfig config,
                              ContainerInterfaces interfaces, ContainerLogs logs, ContainerExecs execs,
                              ContainerTop top, ContainerArchives archives, ContainerCommits commits,
                              ContainerSecurityGroups securityGroups, ContainerConsoles consoles) {
        this.service = service;
        this.consoles = consoles;
        this.securityGroups = securityGroups;
        this.execs = execs;
        this.top = top;
        this.archives = archives;
        this.commits = commits;
        this.interfaces = interfaces;
        this.logs = logs;
        this.requests = requests;
        this.validator = validator;
        this.views = views;
        this.policy = policy;
        this.context = context;
        this.version = version;
        this.publicUrl = publicUrl;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context UriInfo uri, JsonNode body, @Context HttpServerRequest request) {
        boolean start = query("flags", uri).bool("run", false);
        RequestContext caller = context.get();
        ContainerEntity created = service.create(caller, requests.create(body, version.get()), start);
        String root = publicUrl.root(request);
        return Response.accepted(views.of(created, root, caller))
                .location(URI.create(ContainerViews.selfUrl(root, created))).build();
    }

    @GET
    public ContainerList list(@Context UriInfo uri, @Context HttpServerRequest request) {
        RequestContext caller = context.get();
        ContainerRequests.ListQuery query = requests.list(uri.getQueryParameters(), version.get(), config.maxLimit());
        policy.authorize(ContainerPolicy.GET_ALL, caller, caller.projectId());
        if (query.allProjects()) {
            policy.authorize(ContainerPolicy.GET_ALL_ALL_PROJECTS, caller, caller.projectId());
        }
        query.filters().keySet().forEach(name -> {
            if (!policy.allows(ContainerPolicy.GET_ONE_FIELD + name, caller, caller.projectId())) {
                throw new PolicyNotAuthorizedException(ContainerPolicy.GET_ONE_FIELD + name);
            }
        });
        ContainerEntity marker = null;
        if (query.marker() != null) {
            marker = service.show(caller, query.marker().toString(), query.allProjects());
        }
        ContainerPage page = new ContainerPage(query.allProjects() ? null : caller.projectId(), query.filters(),
                query.sortKey(), query.sortDir().equals("asc"), query.limit(),
                marker);
        List<ContainerEntity> rows = service.list(page);
        String root = publicUrl.root(request);
        String next = null;
        if (rows.size() == query.limit()) {
            next = root + "/container/v1/containers?sort_key=" + query.sortKey() + "&sort_dir=" + query.sortDir()
                    + "&limit=" + query.limit() + "&marker=" + rows.getLast().uuid;
        }
        return new ContainerList(rows.stream().map(c -> views.of(c, root, caller)).toList(), next);
    }

    @GET
    @Path("/{ident}")
    public ContainerView show(@PathParam("ident") String ident, @Context UriInfo uri,
                              @Context HttpServerRequest request) {
        RequestContext caller = context.get();
        ContainerEntity c = service.show(caller, ident, query("flags", uri).bool("all_projects", false));
        return views.of(c, publicUrl.root(request), caller);
    }

    @PATCH
    @Path("/{ident}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ContainerView update(@PathParam("ident") String ident, JsonNode body, @Context HttpServerRequest request) {
        RequestContext caller = context.get();
        ContainerEntity c = service.update(caller, ident, validator.body(ApiFamily.ZUN, "container/containers/update",
                version.get(), body).as(ContainerPatch.class));
        return views.of(c, publicUrl.root(request), caller);
    }

    @DELETE
    @Path("/{ident}")
    public Response delete(@PathParam("ident") String ident, @Context UriInfo uri) {
        RequestFields flags = query("delete", uri);
        service.delete(context.get(), ident, flags.bool("force", false), flags.bool("stop", false),
                flags.bool("all_projects", false));
        return Response.noContent().build();
    }

    @POST
    @Path("/{ident}/start")
    public Response start(@PathParam("ident") String ident) {
        return act(ident, ContainerAction.START, null);
    }

    @POST
    @Path("/{ident}/stop")
    public Response stop(@PathParam("ident") String ident, @Context UriInfo uri) {
        return act(ident, ContainerAction.STOP, timeout(uri));
    }

    @POST
    @Path("/{ident}/pause")
    public Response pause(@PathParam("ident") String ident) {
        return act(ident, ContainerAction.PAUSE, null);
    }

    @POST
    @Path("/{ident}/unpause")
    public Response unpause(@PathParam("ident") String ident) {
        return act(ident, ContainerAction.UNPAUSE, null);
    }

    @POST
    @Path("/{ident}/reboot")
    public Response reboot(@PathParam("ident") String ident, @Context UriInfo uri) {
        return act(ident, ContainerAction.REBOOT, timeout(uri));
    }

    @POST
    @Path("/{ident}/kill")
    public Response kill(@PathParam("ident") String ident, @Context UriInfo uri) {
        RequestFields q = query("kill", uri);
        // python-zunclient sends "None" for no signal, as Zun's enum has it
        String signal = q.has("signal") && !q.text("signal").equals("None") ? q.text("signal") : null;
        service.kill(context.get(), ident, signal);
        return Response.accepted().build();
    }

    @POST
    @Path("/{ident}/rename")
    public ContainerView rename(@PathParam("ident") String ident, @Context UriInfo uri,
                                @Context HttpServerRequest request) {
        if (version.isAtLeast(1, 14)) {
            throw new NotAcceptableException("The requested version of rename is not supported for this version "
                    + version.get() + "; use PATCH with a name from 1.14 on.");
        }
        String name = query("rename", uri).text("name");
        RequestContext caller = context.get();
        return views.of(service.rename(caller, ident, name), publicUrl.root(request), caller);
    }

    @GET
    @Path("/{ident}/stats")
    public ContainerStatsView stats(@PathParam("ident") String ident) {
        return ContainerStatsView.of(service.stats(context.get(), ident));
    }

    /**
     * Zun answers the log as one JSON string (zunclient prints it as it is). Followed ({@code follow=true},
     * beyond Zun), the log and then every new line as {@code text/plain}, until the client goes.
     */
    @GET
    @Path("/{ident}/logs")
    public Response logs(@PathParam("ident") String ident, @Context UriInfo uri, @Context HttpServerRequest request) {
        ContainerLogQuery query = requests.logs(uri.getQueryParameters(), version.get());
        if (!query.follow()) {
            return Response.ok(TextNode.valueOf(logs.read(context.get(), ident, query)), MediaType.APPLICATION_JSON)
                    .build();
        }
        FollowedLog followed = new FollowedLog();
        followed.start(consoles.followLogs(context.get(), ident, query, followed));
        return Response.ok((StreamingOutput) out -> followed.copyTo(out, request.response()::closed),
                MediaType.TEXT_PLAIN + ";charset=utf-8").build();
    }

    /**
     * Zun answers 200 with the command's output (run) or its exec instance (not run); interactive,
     * its exec instance and the websocket of its terminal.
     */
    @POST
    @Path("/{ident}/execute")
    public ContainerExecView execute(@PathParam("ident") String ident, @Context UriInfo uri,
                                     @Context HttpServerRequest request) {
        ExecCommand command = requests.execute(uri.getQueryParameters(), version.get());
        if (command.interactive()) {
            ContainerConsoles.InteractiveExec made = execs.executeInteractive(context.get(), ident, command,
                    websocketRoot(request));
            return ContainerExecView.interactive(made.execId(), made.url());
        }
        return ContainerExecView.of(execs.execute(context.get(), ident, command));
    }

    /** Zun answers the websocket address of the main process's terminal as one JSON string. */
    @GET
    @Path("/{ident}/attach")
    public JsonNode attach(@PathParam("ident") String ident, @Context HttpServerRequest request) {
        return TextNode.valueOf(consoles.attach(context.get(), ident, websocketRoot(request)));
    }

    /** Zun answers 200 with its controller's None: a JSON null. */
    @POST
    @Path("/{ident}/resize")
    public JsonNode resize(@PathParam("ident") String ident, @Context UriInfo uri) {
        int[] size = requests.resize(uri.getQueryParameters(), version.get());
        consoles.resize(context.get(), ident, size[0], size[1]);
        return NullNode.getInstance();
    }

    /** This api-service's root as a websocket's ({@code ws://} for {@code http://}, {@code wss://} for {@code https://}). */
    private String websocketRoot(HttpServerRequest request) {
        return publicUrl.root(request).replaceFirst("^http", "ws");
    }

    /** Zun answers 200 with its controller's None: a JSON null. */
    @POST
    @Path("/{ident}/execute_resize")
    public JsonNode executeResize(@PathParam("ident") String ident, @Context UriInfo uri) {
        execs.resize(context.get(), ident, requests.executeResize(uri.getQueryParameters(), version.get()));
        return NullNode.getInstance();
    }

    @GET
    @Path("/{ident}/top")
    public ContainerTopView top(@PathParam("ident") String ident, @Context UriInfo uri) {
        String psArgs = requests.top(uri.getQueryParameters(), version.get());
        return ContainerTopView.of(top.list(context.get(), ident, psArgs));
    }

    /** Zun answers 202 with the new image's {@code uuid}; the host commits meanwhile. */
    @POST
    @Path("/{ident}/commit")
    public Response commit(@PathParam("ident") String ident, @Context UriInfo uri) {
        ContainerRequests.CommitTarget target = requests.commit(uri.getQueryParameters(), version.get());
        UUID image = commits.commit(context.get(), ident, target.repository(), target.tag());
        return Response.accepted(Map.of("uuid", image.toString())).build();
    }

    @GET
    @Path("/{ident}/get_archive")
    public ContainerArchiveView getArchive(@PathParam("ident") String ident, @Context UriInfo uri) {
        String path = requests.getArchive(uri.getQueryParameters(), version.get());
        return ContainerArchiveView.of(archives.get(context.get(), ident, path), version.get());
    }

    /** Zun answers 200 with its controller's None: a JSON null. */
    @POST
    @Path("/{ident}/put_archive")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonNode putArchive(@PathParam("ident") String ident, JsonNode body, @Context UriInfo uri) {
        ArchiveUpload upload = requests.putArchive(body, uri.getQueryParameters(), version.get());
        archives.put(context.get(), ident, upload);
        return NullNode.getInstance();
    }

    @GET
    @Path("/{ident}/network_list")
    public ContainerNetworksView networkList(@PathParam("ident") String ident) {
        requireVersion("network_list", 1, 13);
        return ContainerNetworksView.of(service.networks(context.get(), ident).addresses, version.isAtLeast(1, 18));
    }

    @POST
    @Path("/{ident}/network_attach")
    public Response networkAttach(@PathParam("ident") String ident, @Context UriInfo uri) {
        requireVersion("network_attach", 1, 8);
        RequestFields q = query("network_attach", uri);
        RequestedNetwork requested = q.has("port") ? RequestedNetwork.ofPort(q.text("port"))
                : q.has("network") ? RequestedNetwork.ofNetwork(q.text("network"), q.has("fixed_ip") ? q.text("fixed_ip") : null)
                : null;
        interfaces.attach(context.get(), ident, requested);
        return Response.accepted().build();
    }

    @POST
    @Path("/{ident}/network_detach")
    public Response networkDetach(@PathParam("ident") String ident, @Context UriInfo uri) {
        requireVersion("network_detach", 1, 6);
        RequestFields q = query("network_detach", uri);
        interfaces.detach(context.get(), ident, q.has("network") ? q.text("network") : null,
                q.has("port") ? q.text("port") : null);
        return Response.accepted().build();
    }

    /** Zun's proxy to Neutron, removed in 1.15 (rest_api_version_history.rst): 406 from then on. */
    @POST
    @Path("/{ident}/add_security_group")
    public Response addSecurityGroup(@PathParam("ident") String ident, @Context UriInfo uri) {
        requireBefore("add_security_group", 1, 15);
        securityGroups.add(context.get(), ident, query("add_security_group", uri).text("name"));
        return Response.accepted().build();
    }

    @POST
    @Path("/{ident}/remove_security_group")
    public Response removeSecurityGroup(@PathParam("ident") String ident, @Context UriInfo uri) {
        requireBefore("remove_security_group", 1, 15);
        securityGroups.remove(context.get(), ident, query("remove_security_group", uri).text("name"));
        return Response.accepted().build();
    }

    private void requireBefore(String method, int major, int minor) {
        if (version.isAtLeast(major, minor)) {
            throw new NotAcceptableException("The requested version of " + method + " is not supported for this "
                    + "version " + version.get() + "; it was removed in " + major + "." + minor + ".");
        }
    }

    private void requireVersion(String method, int major, int minor) {
        if (!version.isAtLeast(major, minor)) {
            throw new NotAcceptableException("The requested version of " + method + " is not supported for this "
                    + "version " + version.get() + "; it came in " + major + "." + minor + ".");
        }
    }

    private Response act(String ident, ContainerAction action, Integer timeout) {
        service.act(context.get(), ident, action, timeout);
        return Response.accepted().build();
    }

    private Integer timeout(UriInfo uri) {
        RequestFields flags = query("flags", uri);
        return flags.has("timeout") ? Integer.valueOf(flags.text("timeout")) : null;
    }

    /** The query string, valid under {@code schemas/container/containers/<request>-query.json}. */
    private RequestFields query(String request, UriInfo uri) {
        return validator.query(ApiFamily.ZUN, "container/containers/" + request + "-query", version.get(),
                uri.getQueryParameters());
    }
}
