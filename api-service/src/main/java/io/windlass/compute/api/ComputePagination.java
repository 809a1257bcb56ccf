package io.windlass.compute.api;

import io.windlass.api.config.ApiConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nova's {@code limit}/{@code marker} handling ({@code nova/api/openstack/common.py}): the page
 * size is capped at {@code max_limit}, and a full page gets a {@code next} link that repeats
 * the request's query with the last entry as the marker.
 */
@ApplicationScoped
public class ComputePagination {
    private final int maxLimit;

    public ComputePagination(ApiConfig config) {
        this.maxLimit = config.maxLimit();
    }

    /** The page size for a valid {@code limit} ({@code schemas/compute/flavors/list-query}); absent or 0: max_limit. */
    public int limit(String limit) {
        int value = limit == null ? 0 : Integer.parseInt(limit.strip());
        return value == 0 ? maxLimit : Math.min(value, maxLimit);
    }

    /**
     * {@code <collection>_links} with a {@code next} entry when the page is full, else nothing.
     *
     * @param url   the listing's URL without a query ({@code .../compute/v2.1/flavors/detail})
     * @param query the request's query parameters (marker is replaced)
     */
    public List<Map<String, String>> links(String url, Map<String, List<String>> query, int pageSize, int limit,
                                           String lastId) {
        if (pageSize == 0 || pageSize < limit) {
            return List.of();
        }
        Map<String, List<String>> params = new LinkedHashMap<>(query);
        params.put("limit", List.of(Integer.toString(limit)));
        params.put("marker", List.of(lastId));
        StringBuilder href = new StringBuilder(url);
        char sep = '?';
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            for (String v : e.getValue()) {
                href.append(sep).append(encode(e.getKey())).append('=').append(encode(v));
                sep = '&';
            }
        }
        return List.of(Map.of("rel", "next", "href", href.toString()));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
