package io.windlass.server.service;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Nova's console output rules: which {@code length} a request asks for
 * ({@code api/openstack/compute/console_output.py} and its schema) and how the log is cut and cleaned
 * before it is answered ({@code ComputeManager._tail_log}, then the controller's filter).
 */
public final class NovaConsole {

    private NovaConsole() {
    }

    /**
     * @param length the schema-valid {@code length} (an integer or its digits, at least -1), or null
     * @return the lines to keep, or null for all: absent, null and -1 (the schema's note: "-1 means an
     *         unlimited length"; Nova's own slice would drop the first line) and more lines than any log has
     */
    public static Integer length(String length) {
        if (length == null) {
            return null;
        }
        // an integral JSON number may come as 3.0 or 1E+3
        BigInteger lines = new BigDecimal(length.strip()).toBigInteger();
        // below -1 the schema refused it already
        return lines.signum() < 0 || lines.bitLength() > 31 ? null : lines.intValue();
    }

    /**
     * The answer's {@code output}: the last {@code length} pieces of the log split at newlines (a log
     * ending in a newline thus gives its last {@code length - 1} lines and the newline, as Nova does and
     * Tempest counts), every non-ASCII byte as U+FFFD (Nova decodes ASCII with replacement), and the
     * control characters other than tab and newline taken out (carriage returns included).
     */
    public static String output(String log, Integer length) {
        return clean(length == null ? log : tail(log, length));
    }

    static String tail(String log, int length) {
        if (length == 0) {
            return "";
        }
        String[] pieces = log.split("\n", -1);
        return String.join("\n", Arrays.copyOfRange(pieces, Math.max(0, pieces.length - length), pieces.length));
    }

    private static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c >= 0x80) {
                // one replacement per UTF-8 byte, as bytes.decode('ascii', 'replace') gives
                out.repeat('\uFFFD', c < 0x800 ? 2 : c < 0x10000 ? 3 : 4);
            } else if (c == '\t' || c == '\n' || c >= 0x20) {
                out.append((char) c);
            }
        });
        return out.toString();
    }
}
