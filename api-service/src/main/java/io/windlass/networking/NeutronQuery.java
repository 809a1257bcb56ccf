package io.windlass.networking;

import io.windlass.api.validation.OsloBoolean;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A list request as Neutron reads it: the repeated {@code fields}, {@code limit}/{@code marker}
 * paging, {@code sort_key}/{@code sort_dir} (tolerated, the order is by id), and every other
 * parameter as a filter whose repeated values are alternatives ({@code ?id=a&id=b}).
 *
 * @param fields  the attributes to return; empty for all
 * @param limit   page size, null for no paging
 * @param marker  the id after which the page starts
 * @param filters attribute → accepted values
 */
public record NeutronQuery(List<String> fields, Integer limit, String marker, Map<String, List<String>> filters) {
    private static final Set<String> NOT_FILTERS = Set.of("fields", "limit", "marker", "page_reverse", "sort_key",
            "sort_dir");

    public static NeutronQuery parse(Map<String, List<String>> parameters) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (!NOT_FILTERS.contains(name)) {
                filters.put(name, List.copyOf(values));
            }
        });
        List<String> fields = parameters.getOrDefault("fields", List.of()).stream()
                .flatMap(f -> java.util.Arrays.stream(f.split(","))).map(String::strip).filter(f -> !f.isEmpty())
                .toList();
        return new NeutronQuery(fields, limit(first(parameters, "limit")), first(parameters, "marker"), filters);
    }

    /** The values of a boolean filter in the spelling PostgreSQL prints ({@code true}/{@code false}). */
    public static List<String> booleans(String name, List<String> values) {
        return values.stream().map(v -> OsloBoolean.parse(v).orElseThrow(() -> NeutronException.invalidAttribute(
                name, "'" + v + "' cannot be converted to boolean")).toString()).toList();
    }

    /** Neutron's api/api_common.py: a limit of 0 means none; anything but a non-negative integer is 400. */
    private static Integer limit(String text) {
        if (text == null) {
            return null;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit < 0) {
                throw new NumberFormatException();
            }
            return limit == 0 ? null : limit;
        } catch (NumberFormatException e) {
            throw NeutronException.badRequest("HTTPBadRequest",
                    "Limit must be an integer 0 or greater and not '" + text + "'");
        }
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
