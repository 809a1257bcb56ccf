package io.windlass.api.error;

import java.util.regex.Pattern;

/**
 * What an error's message may show in a log line. A schema failure answers the offending value,
 * as upstream's validators do, and that value may be a whole object holding a password (a
 * {@code changePassword} or {@code rebuild} with one field too many): the caller gets it back as
 * upstream would answer, the log gets the password fields masked.
 */
final class LoggedErrors {
    /** A password member in a Python repr ({@code 'adminPass': 'x'}, {@code "adminPass": "it's"}). */
    private static final Pattern PASSWORD = Pattern.compile(
            "(['\"](?:adminPass|password)['\"]: )(?:'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\")");

    /**
     * A failure of a password field itself ({@code field 'registry.password'.Value: 'x'. 'x' is too long}): the
     * value and the reason, which repeats it, are masked.
     */
    private static final Pattern PASSWORD_FIELD = Pattern.compile(
            "(field '(?:[^']*\\.)?(?:adminPass|password)'\\.) ?Value: .*", Pattern.DOTALL);

    private LoggedErrors() {
    }

    static String masked(String message) {
        return message == null ? null : PASSWORD.matcher(PASSWORD_FIELD.matcher(message).replaceAll("$1Value: '***'."))
                .replaceAll("$1'***'");
    }
}
