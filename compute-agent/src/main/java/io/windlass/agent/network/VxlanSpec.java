package io.windlass.agent.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The VXLAN device a network wants on this host.
 *
 * @param vni     the network's segment id
 * @param local   this host's underlay address
 * @param dstPort the UDP port of the peers (4789, IANA's VXLAN port)
 * @param mtu     the network's MTU: the device carries the containers' frames, not the underlay's
 */
public record VxlanSpec(int vni, String local, int dstPort, int mtu) {
    /** IANA's VXLAN port. */
    public static final int IANA_PORT = 4789;

    public VxlanSpec {
        Objects.requireNonNull(local, "local");
    }

    public String name() {
        return DataPlaneNames.vxlan(vni);
    }

    public String bridge() {
        return DataPlaneNames.bridge(vni);
    }

    /**
     * Whether a device found on the host has to go and be made again: id, local address, port and
     * learning cannot be changed on a live VXLAN device. Learning stays off because the peers are
     * given (head-end replication from the database), not guessed from traffic, so a host cannot
     * claim another's addresses by sending frames.
     */
    public boolean needsRecreate(VxlanLink found) {
        return found.vni() != vni || !local.equals(found.local()) || found.dstPort() != dstPort || found.learning();
    }

    /** The {@code ip} arguments that make the device. */
    public List<String> addCommand() {
        return List.of("ip", "link", "add", name(), "type", "vxlan", "id", String.valueOf(vni), "local", local,
                "dstport", String.valueOf(dstPort), "nolearning");
    }

    /**
     * The {@code ip} arguments that bring a found (or new) device to what is wanted: its MTU, in the
     * network's bridge, up; empty when it already is.
     */
    public List<String> fixCommand(VxlanLink found) {
        List<String> args = new ArrayList<>();
        if (found.mtu() != mtu) {
            args.addAll(List.of("mtu", String.valueOf(mtu)));
        }
        if (!bridge().equals(found.master())) {
            args.addAll(List.of("master", bridge()));
        }
        if (!found.up()) {
            args.add("up");
        }
        if (args.isEmpty()) {
            return List.of();
        }
        List<String> command = new ArrayList<>(List.of("ip", "link", "set", "dev", name()));
        command.addAll(args);
        return command;
    }
}
