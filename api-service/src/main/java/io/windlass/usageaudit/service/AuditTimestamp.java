package io.windlass.usageaudit.service;

import io.windlass.api.error.InvalidInputException;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code before_timestamp} of {@code GET /os-instance_usage_audit_log/{before_timestamp}}, read
 * as Nova reads it: Python's {@code strptime} with {@code %Y-%m-%d %H:%M:%S.%f} when it has a dot,
 * else {@code %Y-%m-%d %H:%M:%S}. The pattern is strptime's for those directives: a four-digit year,
 * the other fields with one digit or two (the day also space-padded), one or more spaces between
 * date and time, and one to six digits of fraction.
 */
public record AuditTimestamp(LocalDateTime value) {
    private static final Pattern STRPTIME = Pattern.compile(
            "(\\d{4})-(1[0-2]|0[1-9]|[1-9])-(3[01]|[12]\\d|0[1-9]|[1-9]| [1-9])\\s+"
                    + "(2[0-3]|[0-1]\\d|\\d):([0-5]\\d|\\d):(6[01]|[0-5]\\d|\\d)(?:\\.(\\d{1,6}))?");

    /** @throws InvalidInputException 400 with Nova's words when {@code text} is no such timestamp */
    public static AuditTimestamp parse(String text) {
        Matcher m = STRPTIME.matcher(text);
        // one pattern serves both of Nova's formats: a dot can only be the fraction's
        if (!m.matches()) {
            throw invalid(text);
        }
        try {
            String fraction = m.group(7) == null ? "" : m.group(7);
            int micros = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000").substring(0, 6));
            int year = number(m, 1);
            if (year < 1) {
                throw invalid(text);
            }
            return new AuditTimestamp(LocalDateTime.of(year, number(m, 2), number(m, 3), number(m, 4), number(m, 5),
                    number(m, 6), micros * 1000));
        } catch (DateTimeException e) {
            // a day the month does not have or second 60/61: Python's datetime refuses them too
            throw invalid(text);
        }
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group).strip());
    }

    private static InvalidInputException invalid(String text) {
        return InvalidInputException.badRequest("Invalid timestamp for date " + text);
    }
}
