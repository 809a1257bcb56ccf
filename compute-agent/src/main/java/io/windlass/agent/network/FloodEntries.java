package io.windlass.agent.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The head-end replication destinations of a VXLAN device: its all-zero MAC entries, read from
 * {@code bridge -j fdb show dev <name>} (the listing also holds the bridge's own entries for the
 * port, which carry no destination).
 */
public final class FloodEntries {
    /** The MAC of a flooding entry: frames with no more specific entry go to every such destination. */
    public static final String ALL_ZERO_MAC = "00:00:00:00:00:00";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FloodEntries() {
    }

    /** The destinations of the device's all-zero MAC entries, in the order listed. */
    public static List<String> destinations(String json) {
        JsonNode entries;
        try {
            entries = JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("bridge printed no JSON: " + json, e);
        }
        List<String> result = new ArrayList<>();
        if (entries == null) {
            return result;
        }
        for (JsonNode entry : entries) {
            if (ALL_ZERO_MAC.equals(entry.path("mac").asText()) && entry.hasNonNull("dst")) {
                result.add(entry.get("dst").asText());
            }
        }
        return result;
    }
}
