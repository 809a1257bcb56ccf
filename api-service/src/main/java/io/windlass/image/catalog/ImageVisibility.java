package io.windlass.image.catalog;

import io.windlass.context.RequestContext;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who sees an image Windlass made or took, as Glance decides it ({@code glance/db/sqlalchemy/api.py
 * is_image_visible} for one image, {@code _select_images_query} for its list): admins see all; a
 * project its own images and the public ones; a {@code shared} image also the projects it is shared
 * with. Shown, a shared image is its member's whatever the member answered; listed, only when the
 * answer is one the list asks for ({@code member_status}, {@code accepted} unless asked otherwise).
 */
public final class ImageVisibility {
    private static final Set<MemberStatus> ANY = EnumSet.allOf(MemberStatus.class);

    private ImageVisibility() {
    }

    /**
     * @param membership the caller's project's status as a member of the image, or null when it is none
     */
    public static boolean visible(RequestContext caller, String owner, String visibility, MemberStatus membership) {
        return listed(caller, owner, visibility, membership, ANY);
    }

    /** @param wanted the member statuses for which another project's shared image is listed */
    public static boolean listed(RequestContext caller, String owner, String visibility, MemberStatus membership,
                                 Set<MemberStatus> wanted) {
        if (caller.isAdmin() || owner.equals(caller.projectId()) || visibility.equals("public")) {
            return true;
        }
        // members of an image no longer shared keep their rows, as in Glance, but not the image
        return visibility.equals("shared") && membership != null && wanted.contains(membership);
    }

    /**
     * Glance's {@code member} of an image for policy checks ({@code glance/db ImageRepo}): the caller's
     * project when the image is shared and not its own (it can only have found it as a member), else
     * none.
     */
    public static String memberOf(RequestContext caller, String owner, String visibility) {
        return visibility.equals("shared") && !owner.equals(caller.projectId()) ? caller.projectId() : null;
    }
}
