package io.windlass.zunimage;

/**
 * Pull the image a {@code zun_images} row describes onto its host (conductor {@code image_pull},
 * a cast, since 1.12): the api-service has inserted the row, {@link ZunImageStatus#PULLING}.
 *
 * @param uuid the row
 */
public record ImagePullRef(String uuid) {
}
