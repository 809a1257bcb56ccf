package io.windlass.server.service;

import java.security.SecureRandom;
import java.util.Locale;

/** Names Nova derives: hostnames from display names, reservation ids, generated admin passwords. */
public final class ServerNames {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LOWER_DIGITS = "abcdefghijklmnopqrstuvwxyz0123456789";
    // Nova's generate_password alphabet leaves out look-alikes (0/O, 1/l/I)
    private static final String PASSWORD = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private ServerNames() {
    }

    /**
     * {@code nova.utils.sanitize_hostname}: lower case, spaces and underscores become dashes,
     * other characters outside {@code [a-z0-9.-]} are dropped, no leading/trailing dots or
     * dashes, at most 63 characters; {@code Server-<uuid>} when nothing is left.
     */
    public static String hostname(String displayName, String uuid) {
        String h = displayName.toLowerCase(Locale.ROOT).replaceAll("[ _]", "-").replaceAll("[^a-z0-9.-]", "");
        h = h.replaceAll("^[.-]+", "").replaceAll("[.-]+$", "");
        if (h.length() > 63) {
            h = h.substring(0, 63).replaceAll("[.-]+$", "");
        }
        return h.isEmpty() ? "Server-" + uuid : h;
    }

    /** {@code r-} and eight random characters. */
    public static String reservationId() {
        return "r-" + random(LOWER_DIGITS, 8);
    }

    /** Twelve characters, as Nova generates when the request gives no adminPass. */
    public static String adminPassword() {
        return random(PASSWORD, 12);
    }

    private static String random(String alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
