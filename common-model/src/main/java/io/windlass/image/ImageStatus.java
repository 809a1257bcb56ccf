package io.windlass.image;

import java.util.Locale;

/**
 * Glance's image status, for the images Windlass makes (snapshots, backups, commits). Images the
 * catalogue derives from the hosts are always {@link #ACTIVE}: they exist on a host.
 */
public enum ImageStatus {
    /** Created through Glance's {@code POST /v2/images}, its data not uploaded yet. */
    QUEUED,
    /** The workload is being committed on its host. */
    SAVING,
    ACTIVE,
    /** Glance's deactivate: kept, but neither downloaded (but by admins) nor booted until reactivated. */
    DEACTIVATED,
    /** The host could not commit the workload; the image is not usable. */
    KILLED,
    /** Deleted by its owner; the row stays so its engine reference never reappears as a public image. */
    DELETED;

    /** Glance's spelling: {@code active}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ImageStatus fromValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
