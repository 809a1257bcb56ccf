package io.windlass.compute.api;

import java.util.List;
import java.util.Map;

/**
 * Nova's {@code links} of a resource: {@code self} under the versioned prefix and
 * {@code bookmark} under the unversioned one, both below this port's {@code /compute}.
 */
public final class ComputeLinks {
    private ComputeLinks() {
    }

    /** @param root public root without a trailing slash; {@code collection} as in the URL ({@code flavors}) */
    public static List<Map<String, String>> of(String root, String collection, String id) {
        return List.of(Map.of("rel", "self", "href", root + "/compute/v2.1/" + collection + "/" + id),
                Map.of("rel", "bookmark", "href", root + "/compute/" + collection + "/" + id));
    }
}
