package io.windlass.flavor.persistence;

/**
 * What a flavor listing asks for.
 *
 * @param visibility       which flavors by their public flag (and access list)
 * @param projectId        the caller's project, for {@link Visibility#PUBLIC_OR_ACCESSIBLE}
 * @param enabledOnly      leave out disabled flavors (Nova does for non-admins)
 * @param minRamMb         {@code minRam}, or null
 * @param minDiskGb        {@code minDisk}, or null
 * @param sortColumn       a {@code flavors} column, already validated
 * @param ascending        sort direction
 * @param markerInternalId database id of the last flavor of the previous page, or null
 * @param limit            page size
 */
public record FlavorQuery(Visibility visibility, String projectId, boolean enabledOnly, Integer minRamMb,
                          Integer minDiskGb, String sortColumn, boolean ascending, Long markerInternalId, int limit) {

    /** Nova's {@code is_public} filter, resolved against who is asking. */
    public enum Visibility {
        ALL, PUBLIC, PRIVATE,
        /** Public ones plus the private ones the project is on the access list of (non-admins). */
        PUBLIC_OR_ACCESSIBLE
    }
}
