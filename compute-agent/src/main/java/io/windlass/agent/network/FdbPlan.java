package io.windlass.agent.network;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The head-end replication entries to add to and remove from a VXLAN device so that it floods to
 * exactly the wanted peers: an all-zero MAC entry per peer makes the kernel send every broadcast,
 * unknown unicast and multicast frame to each of them.
 *
 * @param toAdd    peers without an entry yet
 * @param toRemove entries of peers that no longer hold the network (or this host itself)
 */
public record FdbPlan(List<String> toAdd, List<String> toRemove) {

    public FdbPlan {
        toAdd = List.copyOf(toAdd);
        toRemove = List.copyOf(toRemove);
    }

    /**
     * @param current the destinations the device has now
     * @param wanted  the peers the conductor named; may include this host and repeats
     * @param local   this host's underlay address: never a destination (it would loop frames back)
     */
    public static FdbPlan between(Iterable<String> current, Iterable<String> wanted, String local) {
        Set<String> want = new LinkedHashSet<>();
        wanted.forEach(want::add);
        want.remove(local);
        Set<String> have = new LinkedHashSet<>();
        current.forEach(have::add);
        List<String> add = new ArrayList<>();
        for (String peer : want) {
            if (!have.contains(peer)) {
                add.add(peer);
            }
        }
        List<String> remove = new ArrayList<>();
        for (String dst : have) {
            if (!want.contains(dst)) {
                remove.add(dst);
            }
        }
        return new FdbPlan(add, remove);
    }

    /**
     * The {@code bridge} commands that carry the plan out on VXLAN device {@code device}: additions
     * first, so a peer that stays never loses its entry while the list changes.
     */
    public List<List<String>> commands(String device) {
        List<List<String>> commands = new ArrayList<>();
        for (String peer : toAdd) {
            commands.add(List.of("bridge", "fdb", "append", FloodEntries.ALL_ZERO_MAC, "dev", device, "dst", peer));
        }
        for (String peer : toRemove) {
            commands.add(List.of("bridge", "fdb", "del", FloodEntries.ALL_ZERO_MAC, "dev", device, "dst", peer));
        }
        return commands;
    }

    public boolean isEmpty() {
        return toAdd.isEmpty() && toRemove.isEmpty();
    }
}
