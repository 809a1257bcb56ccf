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

    private LoggedErrors() {
    }

    static String masked(String message) {
        return message == null ? null : PASSWORD.matcher(message).replaceAll("$1'***'");
    }
}
