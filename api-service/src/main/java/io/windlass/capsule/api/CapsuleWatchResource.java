package io.windlass.capsule.api;

import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
import io.windlass.capsule.policy.CapsulePolicy;
import io.windlass.capsule.service.CapsuleService;
import io.windlass.context.RequestContext;
import io.windlass.watch.WatchRequestParts;
import io.windlass.watch.WorkloadKind;
import io.windlass.watch.WorkloadWatchResource;
import jakarta.ws.rs.Path;

import java.util.UUID;

/** {@code GET /v1/capsules?watch=true} and {@code /v1/capsules/{ident}?watch=true}. */
@Path("/container/v1/watch/capsules")
public class CapsuleWatchResource extends WorkloadWatchResource {
    private final CapsuleService service;
    private final CapsulePolicy policy;

    public CapsuleWatchResource(CapsuleService service, CapsulePolicy policy, WatchRequestParts requests) {
        super(WorkloadKind.CAPSULE, ApiFamily.ZUN, "container/capsules/watch-query", requests.streams().zun(),
                requests);
        this.service = service;
        this.policy = policy;
    }

    /** As the list: Zun ignores {@code all_projects} for those its rule refuses, instead of refusing the list. */
    @Override
    protected String listedProject(RequestContext caller, RequestFields query, boolean detail) {
        policy.authorize(CapsulePolicy.GET_ALL, caller, caller.projectId());
        boolean everywhere = query.bool("all_projects", false)
                && policy.allows(CapsulePolicy.GET_ALL_ALL_PROJECTS, caller, caller.projectId());
        return everywhere ? null : caller.projectId();
    }

    @Override
    protected UUID shown(RequestContext caller, String ident, RequestFields query) {
        return service.show(caller, ident).uuid;
    }

    @Override
    protected boolean showsHostOf(RequestContext caller, String project) {
        return policy.allows(CapsulePolicy.GET_HOST, caller, project);
    }
}
