package io.windlass.container.api;

import io.windlass.api.error.InvalidInputException;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Zun's {@code logs} parameters {@code tail} and {@code since}, once the query schema let them
 * through, read as its Docker driver reads them ({@code zun/container/docker/driver.py show_logs}).
 */
final class ZunLogParameters {
    /** {@code strptime(since, '%Y-%m-%d %H:%M:%S,%f')}, in the digit counts the schema's pattern asks for. */
    private static final Pattern DATETIME = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2}),(\\d{1,6})");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    private ZunLogParameters() {
    }

    /**
     * Zun takes {@code int(tail)} and falls back to all on anything else, and docker-py sends all for
     * a negative one; a number past what the engine parses is all there is as well.
     *
     * @return the last lines to keep, or null for all
     */
    static Integer tail(String value) {
        String text = value.strip();
        if (!INTEGER.matcher(text).matches()) {
            return null;
        }
        BigInteger lines = new BigInteger(text);
        return lines.signum() < 0 || lines.bitLength() > 31 ? null : lines.intValue();
    }

    /**
     * An integer Unix time, or a {@code 2024-05-01 12:00:00,000} datetime taken as UTC (as docker-py
     * converts a naive one). Zun answers what its pattern lets through but neither parses with a 500;
     * here it is the 400 of the parameter.
     *
     * @return seconds since the epoch
     */
    static long since(String value) {
        try {
            if (value.matches("\\d+")) {
                return Long.parseLong(value);
            }
            Matcher m = DATETIME.matcher(value);
            if (m.matches()) {
                return LocalDateTime.of(part(m, 1), part(m, 2), part(m, 3), part(m, 4), part(m, 5), part(m, 6))
                        .toEpochSecond(ZoneOffset.UTC);
            }
        } catch (NumberFormatException | DateTimeException e) {
            // out of range: refused below like any other value
        }
        throw InvalidInputException.query("since", value,
                "since must be an integer Unix time or a datetime such as '2024-05-01 12:00:00,000'.");
    }

    private static int part(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
