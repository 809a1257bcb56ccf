package io.windlass.image.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.api.error.ApiException;
import io.windlass.api.error.ConflictException;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.context.RequestContext;
import io.windlass.image.ImageStatus;
import io.windlass.image.catalog.ImageCatalog;
import io.windlass.image.catalog.MemberStatus;
import io.windlass.image.persistence.ImageEntity;
import io.windlass.image.persistence.ImageMemberEntity;
import io.windlass.image.policy.GlanceImagePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Glance's image members ({@code glance/api/v2/image_members.py}): the projects a {@code shared}
 * image is shared with. The owner's project adds and removes them, a member accepts or rejects
 * the image (or takes its answer back to {@code pending}), and both read them, under the
 * {@code *_member} rules ({@link GlanceImagePolicy}). Each call is one transaction; adding a member
 * locks the image's row, so the quota and the duplicate check hold against concurrent adds.
 * Refusals are worded as Glance words them, which differs per call.
 */
@ApplicationScoped
public class ImageMembers {
    private static final Logger LOG = Logger.getLogger(ImageMembers.class);
    private static final String NOT_SHARED = "Only shared images have members.";

    private final EntityManager em;
    private final ImageCatalog catalog;
    private final GlanceImagePolicy policy;

    public ImageMembers(EntityManager em, ImageCatalog catalog, GlanceImagePolicy policy) {
        this.em = em;
        this.catalog = catalog;
        this.policy = policy;
    }

    /** One membership, as Glance shows it. */
    public record Membership(UUID imageId, String member, MemberStatus status, Instant createdAt, Instant updatedAt) {
        static Membership of(ImageMemberEntity row) {
            return new Membership(row.imageId, row.member, MemberStatus.of(row.status).orElseThrow(), row.createdAt,
                    row.updatedAt);
        }
    }

    /** {@code POST /v2/images/{id}/members}: the new member, {@code pending}. */
    public Membership add(RequestContext caller, String id, String member) {
        Membership added = QuarkusTransaction.requiringNew().call(() -> {
            ImageEntity image = shared(caller, id, true,
                    new ApiException(403, "Forbidden", "Not allowed to create members for image " + id + "."));
            policy.authorizeMember(GlanceImagePolicy.ADD_MEMBER, caller, image.owner, image.visibility);
            long current = em.createQuery("select count(m) from ImageMemberEntity m where m.imageId = :image",
                    Long.class).setParameter("image", image.id).getSingleResult();
            ImageMemberRules.requireRoomForOneMore(current, id);
            if (em.find(ImageMemberEntity.class, new ImageMemberEntity.Key(image.id, member)) != null) {
                throw new ConflictException("Conflict", "Member " + member + " is duplicated for image " + id);
            }
            ImageMemberEntity row = new ImageMemberEntity();
            row.imageId = image.id;
            row.member = member;
            row.status = MemberStatus.PENDING.value();
            row.createdAt = Instant.now();
            row.updatedAt = row.createdAt;
            em.persist(row);
            return Membership.of(row);
        });
        LOG.infof("image %s shared with project %s by %s", id, member, caller.userId());
        return added;
    }

    /** {@code GET /v2/images/{id}/members}: all of them for the owner's project, its own for a member. */
    public List<Membership> list(RequestContext caller, String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ImageEntity image = shared(caller, id, false,
                    new ApiException(403, "Forbidden", "Not allowed to list members for image " + id + ": "
                            + NOT_SHARED));
            policy.authorizeMember(GlanceImagePolicy.GET_MEMBERS, caller, image.owner, image.visibility);
            return rows(image).stream().filter(m -> ImageMemberRules.seesMembership(caller, image.owner, m.member))
                    .map(Membership::of).toList();
        });
    }

    /**
     * {@code GET /v2/images/{id}/members/{member}}: every refusal is a 404 here, as Glance hides
     * from whoever may not see a membership that it exists.
     */
    public Membership show(RequestContext caller, String id, String member) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ImageEntity image = shared(caller, id, false, new ResourceNotFoundException("NotFound", NOT_SHARED));
            try {
                return Membership.of(membership(caller, image, member));
            } catch (ApiException e) {
                if (e.status() == 403) {
                    throw new ResourceNotFoundException("NotFound", e.getMessage());
                }
                throw e;
            }
        });
    }

    /**
     * {@code PUT /v2/images/{id}/members/{member}}: only the member answers (Glance's
     * {@code modify_member}: the owner's project is refused), and only with one of the three statuses;
     * the status is checked after who asks, as in Glance.
     */
    public Membership update(RequestContext caller, String id, String member, String status) {
        Membership updated = QuarkusTransaction.requiringNew().call(() -> {
            ImageEntity image = shared(caller, id, false,
                    new ApiException(403, "Forbidden", "Not allowed to update members for image " + id + "."));
            ImageMemberEntity row = membership(caller, image, member);
            policy.authorizeMember(GlanceImagePolicy.MODIFY_MEMBER, caller, image.owner, image.visibility);
            row.status = ImageMemberRules.requestedStatus(status).value();
            row.updatedAt = Instant.now();
            return Membership.of(row);
        });
        LOG.infof("image %s: project %s's membership %s, by %s", id, member, updated.status().value(),
                caller.userId());
        return updated;
    }

    /** {@code DELETE /v2/images/{id}/members/{member}}: the owner's project takes the image back. */
    public void remove(RequestContext caller, String id, String member) {
        QuarkusTransaction.requiringNew().run(() -> {
            ImageEntity image = shared(caller, id, false,
                    new ApiException(403, "Forbidden", "Not allowed to delete members for image " + id + "."));
            ImageMemberEntity row = membership(caller, image, member);
            policy.authorizeMember(GlanceImagePolicy.DELETE_MEMBER, caller, image.owner, image.visibility);
            em.remove(row);
        });
        LOG.infof("image %s no longer shared with project %s, by %s", id, member, caller.userId());
    }

    /**
     * Glance's {@code _lookup_image}, then its {@code _check_visibility_and_ownership}: the image the
     * caller sees (else 404), and {@code notShared}, each call's own wording, unless it is
     * {@code shared}. An image the hosts brought has no row; it is public, so it has no members either.
     */
    private ImageEntity shared(RequestContext caller, String id, boolean lock, ApiException notShared) {
        UUID uuid = MadeImages.parse(id);
        ImageEntity image = uuid == null ? null
                : em.find(ImageEntity.class, uuid, lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE);
        if (image != null && image.status != ImageStatus.DELETED && catalog.visible(caller, image)) {
            if (!"shared".equals(image.visibility)) {
                throw notShared;
            }
            return image;
        }
        if (image == null && catalog.find(caller, id).isPresent()) {
            throw notShared;
        }
        throw new ResourceNotFoundException("ImageNotFound", "Image " + id + " not found.");
    }

    /** Glance's {@code _lookup_member}: the {@code get_member} rule, then a membership the caller sees. */
    private ImageMemberEntity membership(RequestContext caller, ImageEntity image, String member) {
        policy.authorizeMember(GlanceImagePolicy.GET_MEMBER, caller, image.owner, image.visibility);
        ImageMemberEntity row = em.find(ImageMemberEntity.class, new ImageMemberEntity.Key(image.id, member),
                LockModeType.PESSIMISTIC_WRITE);
        if (row == null || !ImageMemberRules.seesMembership(caller, image.owner, member)) {
            throw new ResourceNotFoundException("NotFound", member + " not found in the member list of the image "
                    + image.id + ".");
        }
        return row;
    }

    private List<ImageMemberEntity> rows(ImageEntity image) {
        return em.createQuery("from ImageMemberEntity m where m.imageId = :image order by m.createdAt, m.member",
                ImageMemberEntity.class).setParameter("image", image.id).getResultList();
    }
}
