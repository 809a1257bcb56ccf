package io.windlass.container.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.action.ActionLog;
import io.windlass.api.error.ApiException;
import io.windlass.api.error.InvalidInputException;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.container.ContainerAction;
import io.windlass.container.ContainerArchive;
import io.windlass.container.GetContainerArchive;
import io.windlass.container.PutContainerArchive;
import io.windlass.container.policy.ContainerPolicy;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RpcException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Zun's {@code get_archive} and {@code put_archive}: the container's host copies a path out as a tar
 * archive, or extracts one into it, and answers at once (compute {@code container_get_archive} and
 * {@code container_put_archive}, calls, as Zun's). Either archive crosses the broker whole in one
 * message, so both are bounded ({@link ContainerArchiveConfig#maxSize()}). A put is logged as Zun
 * names it ({@code put_archive}) once accepted, and finished when the host answered.
 */
@ApplicationScoped
public class ContainerArchives {
    /** Zun's container action name ({@code zun/compute/container_actions.py}). */
    static final String PUT_ACTION = "put_archive";

    private final PlacedContainers containers;
    private final ComputeRpcApi compute;
    private final ActionLog actions;
    private final int maxBytes;

    public ContainerArchives(PlacedContainers containers, ComputeRpcApi compute, ActionLog actions,
                             ContainerArchiveConfig config) {
        this.containers = containers;
        this.compute = compute;
        this.actions = actions;
        this.maxBytes = (int) Math.min(Integer.MAX_VALUE, config.maxSize().asLongValue());
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("windlass.container.archive.max-size must be positive");
        }
    }

    public ContainerArchive get(RequestContext caller, String ident, String path) {
        PlacedContainer c = containers.authorized(caller, ident, ContainerPolicy.GET_ARCHIVE,
                ContainerAction.GET_ARCHIVE);
        try {
            return compute.containerGetArchive(c.host(), caller, new GetContainerArchive(c.uuid().toString(),
                    ArchivePath.inContainer(path), maxBytes));
        } catch (RpcException e) {
            throw ContainerAccessFailures.toApi(e, c);
        }
    }

    public void put(RequestContext caller, String ident, ArchiveUpload upload) {
        PlacedContainer c = containers.authorized(caller, ident, ContainerPolicy.PUT_ARCHIVE,
                ContainerAction.PUT_ARCHIVE);
        if (upload.data().length > maxBytes) {
            throw new ApiException(413, "RequestEntityTooLarge", "The archive is " + upload.data().length
                    + " bytes; at most " + maxBytes + " bytes are copied into a container in one request.");
        }
        ArchivePath.inContainer(upload.path());
        TarArchiveCheck.problem(upload.data()).ifPresent(problem -> {
            throw InvalidInputException.field("data", "<" + upload.data().length + " bytes>",
                    "The data is not a tar archive: " + problem + ".");
        });
        QuarkusTransaction.requiringNew().run(() ->
                actions.record(caller, c.actionKind(), c.actionUuid(), c.projectId(), PUT_ACTION));
        boolean failed = true;
        try {
            compute.containerPutArchive(c.host(), caller, new PutContainerArchive(c.uuid().toString(), upload.path(),
                    upload.data()));
            failed = false;
        } catch (RpcException e) {
            throw ContainerAccessFailures.toApi(e, c);
        } finally {
            boolean error = failed;
            QuarkusTransaction.requiringNew().run(() -> actions.finished(c.actionUuid(), caller.requestId(), error));
        }
    }
}
