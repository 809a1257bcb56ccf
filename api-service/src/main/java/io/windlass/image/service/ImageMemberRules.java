package io.windlass.image.service;

import io.windlass.api.error.ApiException;
import io.windlass.api.error.InvalidInputException;
import io.windlass.context.RequestContext;
import io.windlass.image.catalog.MemberStatus;

/**
 * Glance's rules for image members as pure decisions: which memberships a caller sees
 * ({@code glance/db/sqlalchemy/api.py _image_member_find}), how many an image may have
 * ({@code glance/quota ImageMemberFactoryProxy}) and which status a member may answer
 * ({@code glance.domain.ImageMembership.status}).
 */
public final class ImageMemberRules {
    /** Glance's {@code image_member_quota} default. */
    public static final int MEMBER_QUOTA = 128;

    private ImageMemberRules() {
    }

    /** Admins and the image's owner see every membership of it; a member project only its own. */
    public static boolean seesMembership(RequestContext caller, String imageOwner, String member) {
        return caller.isAdmin() || imageOwner.equals(caller.projectId()) || member.equals(caller.projectId());
    }

    /** One more member on an image that has {@code current}: past the quota, Glance's 413. */
    public static void requireRoomForOneMore(long current, String imageId) {
        long attempted = current + 1;
        if (attempted > MEMBER_QUOTA) {
            throw new ApiException(413, "RequestEntityTooLarge", "Image member limit exceeded for image " + imageId
                    + ": The limit has been exceeded on the number of allowed image members for this image. "
                    + "Attempted: " + attempted + ", Maximum: " + MEMBER_QUOTA + ":");
        }
    }

    /** The status a member asks for: Glance's setter refuses anything but its three, as a 400. */
    public static MemberStatus requestedStatus(String requested) {
        return MemberStatus.of(requested).orElseThrow(() -> InvalidInputException.badRequest(
                "Incorrect request: Status must be \"pending\", \"accepted\" or \"rejected\"."));
    }
}
