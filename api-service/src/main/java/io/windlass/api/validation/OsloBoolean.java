package io.windlass.api.validation;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one boolean vocabulary: oslo's strict {@code bool_from_string}, whose spellings are also the
 * {@code boolean} parameter type of the request schemas ({@code schemas/parameter-types.json}).
 */
public final class OsloBoolean {
    static final Set<String> TRUE = Set.of("1", "t", "true", "on", "y", "yes");
    static final Set<String> FALSE = Set.of("0", "f", "false", "off", "n", "no");

    private OsloBoolean() {
    }

    public static Optional<Boolean> parse(String text) {
        String v = text.strip().toLowerCase(Locale.ROOT);
        return TRUE.contains(v) ? Optional.of(true) : FALSE.contains(v) ? Optional.of(false) : Optional.empty();
    }
}
