package io.windlass.image.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.api.error.ApiException;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.context.RequestContext;
import io.windlass.image.ImageStatus;
import io.windlass.image.catalog.ImageCatalog;
import io.windlass.image.persistence.ImageEntity;
import io.windlass.image.policy.GlanceImagePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Glance's image actions and tag calls on the images Windlass made or took
 * ({@code glance/api/v2/image_actions.py}, {@code image_tags.py}): {@code deactivate} and
 * {@code reactivate} under their policy rules, and one tag added or removed by the image's
 * project (or an admin), each in its own transaction with the row locked.
 */
@ApplicationScoped
public class ImageActions {
    private static final Logger LOG = Logger.getLogger(ImageActions.class);

    private final EntityManager em;
    private final GlanceImagePolicy policy;
    private final ImageCatalog catalog;

    public ImageActions(EntityManager em, GlanceImagePolicy policy, ImageCatalog catalog) {
        this.em = em;
        this.policy = policy;
        this.catalog = catalog;
    }

    public void deactivate(RequestContext caller, String id) {
        changeStatus(caller, id, GlanceImagePolicy.DEACTIVATE, ImageTransitions::deactivate);
    }

    public void reactivate(RequestContext caller, String id) {
        changeStatus(caller, id, GlanceImagePolicy.REACTIVATE, ImageTransitions::reactivate);
    }

    /** {@code PUT /v2/images/{id}/tags/{tag}}; the tag's own checks are done. */
    public void addTag(RequestContext caller, String id, String tag) {
        QuarkusTransaction.requiringNew().run(() -> {
            ImageEntity image = taggable(caller, id, "update");
            image.tags = new ArrayList<>(ImageTransitions.withTag(image.tags, tag, id));
            image.updatedAt = Instant.now();
        });
    }

    /** {@code DELETE /v2/images/{id}/tags/{tag}}: 404 when the image has no such tag. */
    public void removeTag(RequestContext caller, String id, String tag) {
        QuarkusTransaction.requiringNew().run(() -> {
            ImageEntity image = taggable(caller, id, "delete");
            List<String> after = new ArrayList<>(image.tags);
            if (!after.remove(tag)) {
                // webob's HTTPNotFound() with no explanation of Glance's own
                throw new ResourceNotFoundException("NotFound", "The resource could not be found.");
            }
            image.tags = after;
            image.updatedAt = Instant.now();
        });
    }

    private void changeStatus(RequestContext caller, String id, String rule,
                              Function<ImageStatus, ImageStatus> transition) {
        ImageStatus before = QuarkusTransaction.requiringNew().call(() -> {
            ImageEntity image = visible(caller, id);
            policy.authorize(rule, caller, image.owner);
            ImageStatus was = image.status;
            image.status = transition.apply(was);
            if (image.status != was) {
                image.updatedAt = Instant.now();
            }
            return was;
        });
        LOG.infof("image %s: %s by %s (was %s)", id, rule, caller.userId(), before.value());
    }

    /** Glance's tag controller words its refusals its own way. */
    private ImageEntity taggable(RequestContext caller, String id, String verb) {
        ImageEntity image;
        try {
            image = visible(caller, id);
        } catch (ResourceNotFoundException e) {
            throw new ResourceNotFoundException("ImageNotFound", "Image " + id + " not found.");
        }
        if (!caller.isAdmin() && !image.owner.equals(caller.projectId())) {
            throw new ApiException(403, "Forbidden", "Not allowed to " + verb + " tags for image " + id + ".");
        }
        return image;
    }

    private ImageEntity visible(RequestContext caller, String id) {
        UUID uuid = MadeImages.parse(id);
        ImageEntity image = uuid == null ? null : em.find(ImageEntity.class, uuid, LockModeType.PESSIMISTIC_WRITE);
        if (image == null || image.status == ImageStatus.DELETED || !catalog.visible(caller, image)) {
            throw new ResourceNotFoundException("ImageNotFound", "No image found with ID " + id);
        }
        return image;
    }
}
