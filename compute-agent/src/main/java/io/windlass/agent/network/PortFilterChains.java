package io.windlass.agent.network;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How the host's iptables chains of security group filtering are named, from the port id alone,
 * so an agent (restarted, or one that never saw the port) finds and replaces them without any
 * record of its own. Every chain Windlass makes for filtering starts with {@code wlsg-}; chains of
 * that prefix are Windlass's to flush and delete, all others are left alone.
 * <p>
 * iptables takes chain names of at most 28 characters: {@code wlsg-} and 20 hex digits of the
 * port's uuid (80 bits: no two ports of a host meet) make 25.
 */
public final class PortFilterChains {
    /** The prefix of every chain this filtering makes. */
    public static final String PREFIX = "wlsg-";
    /** The chain {@code FORWARD} jumps to, which sends traffic for each port's addresses to its port's chain. */
    public static final String DISPATCH = PREFIX + "ingress";
    /** iptables' limit ({@code XT_EXTENSION_MAXNAMELEN} less its terminating NUL). */
    static final int MAX_NAME = 28;
    private static final int DIGITS = 20;
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{" + DIGITS + ",}");

    private PortFilterChains() {
    }

    /**
     * The chain of one port: {@code wlsg-} and the first 20 hex digits of its uuid. An id that is
     * not a uuid (never sent by the conductor) gets 20 hex digits of its SHA-256 instead, so that
     * nothing from a message but hex digits ever reaches a chain name.
     */
    public static String of(String portId) {
        String digits = portId.replace("-", "").toLowerCase(Locale.ROOT);
        if (!HEX.matcher(digits).matches()) {
            digits = sha256(portId);
        }
        return PREFIX + digits.substring(0, DIGITS);
    }

    /** Whether the chain is one of this filtering's: the dispatch chain or a port's. */
    public static boolean isWindlass(String chain) {
        return chain.startsWith(PREFIX);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
