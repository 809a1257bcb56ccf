package io.windlass.server.service;

import io.windlass.api.error.InvalidInputException;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.image.catalog.CatalogImage;
import io.windlass.image.catalog.ImageCatalog;
import io.windlass.server.RescueServer;
import io.windlass.server.ServerTaskState;
import io.windlass.server.VmState;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.server.policy.ServerPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.EnumSet;
import java.util.Set;

/**
 * Nova's rescue and unrescue ({@code compute/api.py rescue, unrescue}): the host starts a rescue
 * system from the rescue image (the server's own when none is named) in the server's place, with
 * the server's filesystem to repair; unrescue restarts the server from it.
 */
@ApplicationScoped
public class ServerRescues {
    private static final Logger LOG = Logger.getLogger(ServerRescues.class);
    /** {@code @check_instance_state(vm_state=[ACTIVE, STOPPED, ERROR])} on Nova's rescue. */
    private static final Set<VmState> RESCUABLE = EnumSet.of(VmState.ACTIVE, VmState.STOPPED, VmState.ERROR);

    private final ServerActionAcceptance acceptance;
    private final ServerLookup lookup;
    private final ImageCatalog images;
    private final ConductorRpcApi conductor;

    public ServerRescues(ServerActionAcceptance acceptance, ServerLookup lookup, ImageCatalog images,
                         ConductorRpcApi conductor) {
        this.acceptance = acceptance;
        this.lookup = lookup;
        this.images = images;
        this.conductor = conductor;
    }

    /**
     * @return the rescue's password: the one asked for, or one generated, as Nova answers it (the
     *         rescue system is not given it: Nova's libvirt driver too sets it only when it injects files)
     */
    public String rescue(RequestContext caller, String id, String adminPass, String rescueImageRef) {
        ServerEntity found = lookup.authorized(caller, id, ServerPolicy.RESCUE);
        CatalogImage image = rescueImageRef == null ? null : images.find(caller, rescueImageRef)
                .orElseThrow(() -> InvalidInputException.badRequest("Image " + rescueImageRef
                        + " could not be found."));
        if (image != null) {
            ImageCatalog.requireActive(image);
            ImageCatalog.requireRunnable(image);
        }
        acceptance.accept(caller, id, found, "rescue", RESCUABLE::contains, ServerTaskState.RESCUING,
                (s, ref) -> conductor.rescueServer(caller,
                        new RescueServer(ref.uuid(), image == null ? s.image : image.reference())));
        LOG.infof("server %s: rescue from %s requested", found.uuid,
                image == null ? "its own image" : image.reference());
        return adminPass != null ? adminPass : ServerNames.adminPassword();
    }

    public void unrescue(RequestContext caller, String id) {
        ServerEntity found = lookup.authorized(caller, id, ServerPolicy.UNRESCUE);
        acceptance.accept(caller, id, found, "unrescue", VmState.RESCUED::equals, ServerTaskState.UNRESCUING,
                (s, ref) -> conductor.unrescueServer(caller, ref));
        LOG.infof("server %s: unrescue requested", found.uuid);
    }
}
