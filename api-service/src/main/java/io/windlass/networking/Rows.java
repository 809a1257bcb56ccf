package io.windlass.networking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads one row of a native query whose columns the repositories select as text, booleans and
 * integers (uuids, inet and timestamps are cast to text in SQL, so every driver version maps them alike).
 */
public record Rows(Object[] row) {
    private static final Pattern CANONICAL_UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** Neutron's timestamp format, for the SELECT lists. */
    public static String timestamp(String column) {
        return "to_char(" + column + " at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
    }

    /**
     * Whether {@code id} can name a row: lookups compare the uuid column itself (so that its index
     * serves them) and PostgreSQL refuses to cast anything else; such an id names nothing.
     */
    public static boolean isUuid(String id) {
        return id != null && CANONICAL_UUID.matcher(id).matches();
    }

    public String text(int i) {
        return row[i] == null ? null : row[i].toString();
    }

    public boolean bool(int i) {
        return (Boolean) row[i];
    }

    public int integer(int i) {
        return ((Number) row[i]).intValue();
    }

    /** A comma-joined {@code array_to_string} column as a list. */
    public List<String> list(int i) {
        String joined = text(i);
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    public JsonNode json(int i, ObjectMapper mapper) {
        try {
            return mapper.readTree(text(i));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable json column", e);
        }
    }
}
