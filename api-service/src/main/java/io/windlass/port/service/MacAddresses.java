package io.windlass.port.service;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** MAC addresses as Neutron makes and accepts them: {@code fa:16:3e} (its base_mac) and three random bytes. */
public final class MacAddresses {
    private static final String BASE = "fa:16:3e";

    private MacAddresses() {
    }

    public static String generate(RandomGenerator random) {
        byte[] tail = new byte[3];
        random.nextBytes(tail);
        return BASE + ":" + HexFormat.ofDelimiter(":").formatHex(tail);
    }

    /**
     * The address in lower-case colon form, if {@code text} is a unicast MAC address (colons, dashes
     * or none between the bytes); Neutron refuses multicast and all-zero addresses.
     */
    public static Optional<String> normalise(String text) {
        String hex = text.toLowerCase(Locale.ROOT).replace(":", "").replace("-", "");
        if (!hex.matches("^[0-9a-f]{12}$") || text.length() != 12 && text.length() != 17) {
            return Optional.empty();
        }
        int first = Integer.parseInt(hex.substring(0, 2), 16);
        if ((first & 1) == 1 || hex.equals("000000000000")) {
            return Optional.empty();
        }
        return Optional.of(HexFormat.ofDelimiter(":").formatHex(HexFormat.of().parseHex(hex)));
    }
}
