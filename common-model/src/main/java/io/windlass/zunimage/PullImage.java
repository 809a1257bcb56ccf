package io.windlass.zunimage;

/**
 * Get an image onto this host (compute {@code image_pull}, a cast, since 1.19; Zun's compute
 * {@code image_pull}): kept as it is when the engine has it already, else pulled from its registry.
 * Answered by {@code conductor.report_image_pull}; a redelivered message pulls again, harmlessly.
 *
 * @param uuid the {@code zun_images} row, echoed in the report
 * @param repo the repository ({@code busybox}, {@code registry:5000/team/app})
 * @param tag  the tag
 */
public record PullImage(String uuid, String repo, String tag) {
    /** {@code repo:tag}, as the engine names the image. */
    public String reference() {
        return repo + ":" + tag;
    }
}
