package io.windlass.api.validation;

import io.windlass.api.error.InvalidInputException;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** oslo's strict boolean strings ({@code oslo_utils.strutils.bool_from_string(strict=True)}). */
public final class OsloBoolean {
    private static final Set<String> TRUE = Set.of("1", "t", "true", "on", "y", "yes");
    private static final Set<String> FALSE = Set.of("0", "f", "false", "off", "n", "no");

    private OsloBoolean() {
    }

    /** @return the value, or empty when the text is not a recognised boolean */
    public static Optional<Boolean> parse(String text) {
        String v = text.strip().toLowerCase(Locale.ROOT);
        if (TRUE.contains(v)) {
            return Optional.of(true);
        }
        if (FALSE.contains(v)) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    /** A boolean query parameter: absent is false, anything unrecognised is a 400. */
    public static boolean queryParameter(String parameter, String value) {
        if (value == null) {
            return false;
        }
        return parse(value).orElseThrow(() -> InvalidInputException.query(parameter, value,
                "Unrecognized value '" + value + "', acceptable values are: '0', '1', 'f', 'false', 'n', 'no', "
                        + "'off', 'on', 't', 'true', 'y', 'yes'"));
    }
}
