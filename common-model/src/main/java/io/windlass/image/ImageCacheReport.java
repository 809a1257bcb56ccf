package io.windlass.image;

import java.util.List;

/**
 * An agent's answer to {@link CacheHostImages}: one outcome per image.
 *
 * @param cacheId       from the request
 * @param aggregateId   from the request
 * @param aggregateName from the request
 * @param hostsTotal    from the request
 * @param host          the reporting host
 * @param images        per-image outcomes, in request order
 */
public record ImageCacheReport(String cacheId, int aggregateId, String aggregateName, int hostsTotal, String host,
                               List<ImageOutcome> images) {
    public ImageCacheReport {
        images = images == null ? List.of() : List.copyOf(images);
    }

    /**
     * One image on one host.
     *
     * @param image  the reference as requested
     * @param result what happened
     * @param reason why it failed (null unless {@code error}/{@code unsupported})
     */
    public record ImageOutcome(String image, ImageCacheResult result, String reason) {
    }

    /** How many images ended with {@code result}. */
    public long count(ImageCacheResult result) {
        return images.stream().filter(i -> i.result() == result).count();
    }
}
