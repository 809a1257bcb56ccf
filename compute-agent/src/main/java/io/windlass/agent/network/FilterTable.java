package io.windlass.agent.network;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the host's filter table holds of the security group filtering now, read from
 * {@code iptables -w -S} (or {@code ip6tables}): the chains of its prefix and where {@code FORWARD}
 * jumps to the dispatch chain.
 *
 * @param chains        every {@code wlsg-} chain, in the order listed
 * @param dispatchJumps how many rules of {@code FORWARD} jump to the dispatch chain (one, or none)
 * @param dispatchFirst whether the first rule of {@code FORWARD} is such a jump
 */
public record FilterTable(List<String> chains, int dispatchJumps, boolean dispatchFirst) {
    public static final FilterTable EMPTY = new FilterTable(List.of(), 0, false);

    private static final String JUMP = "-A FORWARD -j " + PortFilterChains.DISPATCH;

    public FilterTable {
        chains = List.copyOf(new LinkedHashSet<>(chains));
    }

    /** Reads the output of {@code iptables -S} (every chain of the filter table, one rule a line). */
    public static FilterTable parse(String listing) {
        Set<String> chains = new LinkedHashSet<>();
        List<String> forward = new ArrayList<>();
        for (String line : listing.lines().map(String::strip).toList()) {
            if (line.startsWith("-N ")) {
                String chain = line.substring(3).strip();
                if (PortFilterChains.isWindlass(chain)) {
                    chains.add(chain);
                }
            } else if (line.startsWith("-A FORWARD ")) {
                forward.add(line);
            }
        }
        int jumps = (int) forward.stream().filter(JUMP::equals).count();
        return new FilterTable(List.copyOf(chains), jumps, !forward.isEmpty() && forward.getFirst().equals(JUMP));
    }

    /** Whether nothing of the filtering is on the host. */
    public boolean isEmpty() {
        return chains.isEmpty() && dispatchJumps == 0;
    }

    /** Whether {@code FORWARD} jumps to the dispatch chain first and only once, as it must. */
    public boolean dispatchInPlace() {
        return dispatchJumps == 1 && dispatchFirst;
    }
}
