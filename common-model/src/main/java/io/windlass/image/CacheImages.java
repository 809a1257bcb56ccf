package io.windlass.image;

import java.util.List;

/**
 * Pre-cache images on the hosts of one aggregate (Nova 2.81 {@code POST /os-aggregates/{id}/images}).
 * Sent by the api-service to the conductor.
 *
 * @param aggregateId   aggregate whose member hosts should hold the images
 * @param aggregateName its name, for the progress log
 * @param images        image references (Docker references such as {@code busybox:latest}, or ids)
 */
public record CacheImages(int aggregateId, String aggregateName, List<String> images) {
    public CacheImages {
        images = images == null ? List.of() : List.copyOf(images);
    }
}
