package io.windlass.hypervisor.service;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;

/** How Nova reads a hypervisor id or marker: oslo's {@code is_uuid_like} and Python's {@code int()}. */
public final class HypervisorIds {
    private static final Pattern INTEGER = Pattern.compile("^\\s*[+-]?[0-9]+\\s*$");
    private static final Pattern HEX32 = Pattern.compile("^[0-9a-f]{32}$");

    private HypervisorIds() {
    }

    /** A uuid in any form oslo accepts (hyphens or none, braces, {@code urn:uuid:}), else empty. */
    public static Optional<UUID> uuidLike(String text) {
        String hex = text.toLowerCase().replace("urn:", "").replace("uuid:", "").replaceAll("[{}-]", "");
        if (!HEX32.matcher(hex).matches()) {
            return Optional.empty();
        }
        return Optional.of(new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16),
                Long.parseUnsignedLong(hex.substring(16), 16)));
    }

    /** An integer as Python's {@code int()} reads one (spaces and a sign allowed), else empty; past a long too. */
    public static OptionalLong integer(String text) {
        if (!INTEGER.matcher(text).matches()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text.strip().replaceFirst("^\\+", "")));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
