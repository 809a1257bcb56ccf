package io.windlass.agent.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * A VXLAN device as the host has it, read from {@code ip -j -d link show dev <name>}.
 *
 * @param name     the interface name
 * @param vni      its VXLAN id
 * @param local    the underlay source address, or null
 * @param dstPort  the UDP port it sends to
 * @param learning whether it learns remote MACs from what it receives
 * @param master   the bridge it is enslaved to, or null
 * @param mtu      its MTU
 * @param up       whether it is administratively up
 */
public record VxlanLink(String name, int vni, String local, int dstPort, boolean learning, String master, int mtu,
                        boolean up) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param json what {@code ip -j -d link show dev <name>} printed
     * @return the device, or empty when the output names no VXLAN device (a device of that name of
     *         another kind is not ours to use)
     */
    public static Optional<VxlanLink> parse(String json) {
        JsonNode links;
        try {
            links = JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("ip printed no JSON: " + json, e);
        }
        if (links == null || !links.isArray() || links.isEmpty()) {
            return Optional.empty();
        }
        JsonNode link = links.get(0);
        JsonNode info = link.path("linkinfo");
        if (!"vxlan".equals(info.path("info_kind").asText())) {
            return Optional.empty();
        }
        JsonNode data = info.path("info_data");
        boolean up = false;
        for (JsonNode flag : link.path("flags")) {
            up |= "UP".equals(flag.asText());
        }
        return Optional.of(new VxlanLink(link.path("ifname").asText(), data.path("id").asInt(),
                textOrNull(data.path("local")), data.path("port").asInt(), data.path("learning").asBoolean(false),
                textOrNull(link.path("master")), link.path("mtu").asInt(), up));
    }

    private static String textOrNull(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
