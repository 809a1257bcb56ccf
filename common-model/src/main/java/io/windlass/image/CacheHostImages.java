package io.windlass.image;

import java.util.List;

/**
 * The conductor's request to one agent: make sure these images are on the host, then
 * report the outcome ({@link ImageCacheReport}).
 *
 * @param cacheId       id of this pre-cache request (one per API call), echoed in the report
 * @param aggregateId   the aggregate the request was made for (echoed in the report)
 * @param aggregateName its name (echoed in the report, for the conductor's progress log)
 * @param hostsTotal    how many hosts this aggregate request covers, so the report can say "n/m hosts done"
 * @param images        image references
 */
public record CacheHostImages(String cacheId, int aggregateId, String aggregateName, int hostsTotal, List<String> images) {
    public CacheHostImages {
        images = images == null ? List.of() : List.copyOf(images);
    }
}
