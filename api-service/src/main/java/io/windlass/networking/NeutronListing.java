package io.windlass.networking;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.windlass.api.context.PublicUrl;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Shapes Neutron's answers: one resource or a page of them, trimmed to the requested
 * {@code fields}, with {@code <collection>_links} (next, and previous after a marker) when paged.
 */
@ApplicationScoped
public class NeutronListing {
    private final PublicUrl publicUrl;
    private final CurrentVertxRequest request;

    public NeutronListing(PublicUrl publicUrl, CurrentVertxRequest request) {
        this.publicUrl = publicUrl;
        this.request = request;
    }

    /** {@code <root>/network/v2.0}. */
    public String versioned() {
        return publicUrl.root(request.getCurrent().request()) + NeutronErrorFormat.PREFIX + "/v2.0";
    }

    /**
     * @param rows  at most limit + 1 rows in id order: the extra one only says that a next page exists
     * @param id    a row's id, for the markers
     */
    public <R> Map<String, Object> page(String collection, NeutronQuery query, List<R> rows, Function<R, String> id,
                                        Function<R, Map<String, Object>> view) {
        boolean more = query.limit() != null && rows.size() > query.limit();
        List<R> shown = more ? rows.subList(0, query.limit()) : rows;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(collection, shown.stream().map(r -> fields(view.apply(r), query.fields())).toList());
        if (query.limit() != null) {
            List<Map<String, String>> links = new ArrayList<>();
            String base = versioned() + "/" + collection + "?limit=" + query.limit();
            if (more) {
                links.add(Map.of("href", base + "&marker=" + id.apply(shown.getLast()), "rel", "next"));
            }
            if (query.marker() != null && !shown.isEmpty()) {
                links.add(Map.of("href", base + "&marker=" + id.apply(shown.getFirst()) + "&page_reverse=True",
                        "rel", "previous"));
            }
            if (!links.isEmpty()) {
                body.put(collection + "_links", links);
            }
        }
        return body;
    }

    public Map<String, Object> one(String member, Map<String, Object> view, List<String> fields) {
        return Map.of(member, fields(view, fields));
    }

    /** Only the asked-for attributes, in the view's order; unknown names are skipped as Neutron does. */
    public static Map<String, Object> fields(Map<String, Object> view, List<String> fields) {
        if (fields.isEmpty()) {
            return view;
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        view.forEach((k, v) -> {
            if (fields.contains(k)) {
                kept.put(k, v);
            }
        });
        return kept;
    }
}
