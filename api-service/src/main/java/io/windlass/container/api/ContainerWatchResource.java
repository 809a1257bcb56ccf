package io.windlass.container.api;

import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
import io.windlass.container.policy.ContainerPolicy;
import io.windlass.container.service.ContainerService;
import io.windlass.context.RequestContext;
import io.windlass.watch.WatchRequestParts;
import io.windlass.watch.WorkloadKind;
import io.windlass.watch.WorkloadWatchResource;
import jakarta.ws.rs.Path;

import java.util.UUID;

/**
 * {@code GET /v1/containers?watch=true} and {@code /v1/containers/{ident}?watch=true}: the list's and the
 * show's policy, then their changes.
 */
@Path("/container/v1/watch/containers")
public class ContainerWatchResource extends WorkloadWatchResource {
    private final ContainerService service;
    private final ContainerPolicy policy;

    public ContainerWatchResource(ContainerService service, ContainerPolicy policy, WatchRequestParts requests) {
        super(WorkloadKind.CONTAINER, ApiFamily.ZUN, "container/containers/watch-query", requests.streams().zun(),
                requests);
        this.service = service;
        this.policy = policy;
    }

    /** As the list: {@code all_projects} needs its own rule, refused without it. */
    @Override
    protected String listedProject(RequestContext caller, RequestFields query, boolean detail) {
        boolean allProjects = query.bool("all_projects", false);
        policy.authorize(ContainerPolicy.GET_ALL, caller, caller.projectId());
        if (allProjects) {
            policy.authorize(ContainerPolicy.GET_ALL_ALL_PROJECTS, caller, caller.projectId());
        }
        return allProjects ? null : caller.projectId();
    }

    @Override
    protected UUID shown(RequestContext caller, String ident, RequestFields query) {
        return service.show(caller, ident, query.bool("all_projects", false)).uuid;
    }

    @Override
    protected boolean showsHostOf(RequestContext caller, String project) {
        return policy.allows(ContainerPolicy.GET_ONE_HOST, caller, project);
    }
}
