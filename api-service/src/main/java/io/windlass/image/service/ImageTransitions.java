package io.windlass.image.service;

import io.windlass.api.error.ApiException;
import io.windlass.image.ImageStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * Glance's rules for what an image action may change ({@code glance/domain/__init__.py} and
 * {@code glance/quota}), as pure decisions: deactivate and reactivate, each a no-op on an image
 * already there; and the tags an image may carry.
 */
public final class ImageTransitions {
    /** Glance's {@code image_tag_quota} default. */
    public static final int TAG_QUOTA = 128;

    private ImageTransitions() {
    }

    /** {@code Image.deactivate}: only an active image (or a deactivated one, unchanged); else Glance's 403. */
    public static ImageStatus deactivate(ImageStatus status) {
        if (status == ImageStatus.ACTIVE || status == ImageStatus.DEACTIVATED) {
            return ImageStatus.DEACTIVATED;
        }
        throw new ApiException(403, "Forbidden", "Not allowed to deactivate image in status '" + status.value() + "'");
    }

    /** {@code Image.reactivate}: only a deactivated image (or an active one, unchanged); else Glance's 403. */
    public static ImageStatus reactivate(ImageStatus status) {
        if (status == ImageStatus.ACTIVE || status == ImageStatus.DEACTIVATED) {
            return ImageStatus.ACTIVE;
        }
        throw new ApiException(403, "Forbidden", "Not allowed to reactivate image in status '" + status.value() + "'");
    }

    /**
     * The tags once {@code tag} is added: a set, so an existing tag changes nothing; more than the
     * quota is Glance's 413.
     */
    public static List<String> withTag(List<String> tags, String tag, String imageId) {
        if (tags.contains(tag)) {
            return tags;
        }
        List<String> after = new ArrayList<>(tags);
        after.add(tag);
        if (after.size() > TAG_QUOTA) {
            throw new ApiException(413, "RequestEntityTooLarge", "Image tag limit exceeded for image " + imageId
                    + ": The limit has been exceeded on the number of allowed image tags. Attempted: " + after.size()
                    + ", Maximum: " + TAG_QUOTA + ":");
        }
        return after;
    }
}
