package io.windlass.tenantusage.service;

import io.windlass.api.error.InvalidInputException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The window a usage report covers ({@code start}, {@code end}), read as Nova's
 * {@code SimpleTenantUsageController._parse_qs_params} reads it: each in one of three
 * {@code strptime} forms, in UTC, absent meaning now; start before end; an end in the future cut
 * to now.
 */
public record UsagePeriod(Instant start, Instant stop) {
    /**
     * Python's {@code strptime} with {@code %Y-%m-%dT%H:%M:%S}, {@code ...%S.%f} and
     * {@code %Y-%m-%d %H:%M:%S.%f}: its own field patterns (one-digit months, days and times, a
     * day of " 5"), letters matched in any case, whitespace standing for any whitespace.
     */
    private static final String DATE = "(\\d{4})-(1[0-2]|0[1-9]|[1-9])-(3[01]|[12]\\d|0[1-9]|[1-9]| [1-9])";
    private static final String TIME = "(2[0-3]|[01]\\d|\\d):([0-5]\\d|\\d):(6[01]|[0-5]\\d|\\d)";
    private static final List<Pattern> FORMS = List.of(
            Pattern.compile("^" + DATE + "T" + TIME + "$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^" + DATE + "T" + TIME + "\\.([0-9]{1,6})$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^" + DATE + "\\s+" + TIME + "\\.([0-9]{1,6})$", Pattern.CASE_INSENSITIVE));

    /**
     * @param start the first {@code start} given, or null
     * @param end   the first {@code end} given, or null
     * @param now   the clock, read once (microseconds, as Nova's)
     * @throws InvalidInputException for a time in none of the forms, or a start not before the end
     */
    public static UsagePeriod of(String start, String end, Instant now) {
        Instant clock = now.truncatedTo(ChronoUnit.MICROS);
        Instant from = start == null ? clock : parse(start);
        Instant to = end == null ? clock : parse(end);
        // Nova reads the clock once for each, so with neither given its start is a hair before its end
        if (!from.isBefore(to) && !(start == null && end == null)) {
            throw InvalidInputException.badRequest("Invalid start time. The start time cannot occur after the end "
                    + "time.");
        }
        return new UsagePeriod(from, to.isAfter(clock) ? clock : to);
    }

    /** A time in one of the three forms, as UTC. */
    static Instant parse(String text) {
        return FORMS.stream().map(form -> form.matcher(text)).filter(Matcher::matches).findFirst()
                .flatMap(UsagePeriod::instant)
                .orElseThrow(() -> InvalidInputException.badRequest(
                        "Invalid datetime string: Datetime is in invalid format"));
    }

    private static Optional<Instant> instant(Matcher m) {
        String fraction = m.groupCount() == 7 ? m.group(7) : "";
        if (Integer.parseInt(m.group(1)) < 1) {
            // Python's datetime starts at year 1
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3).strip()), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6)), fraction.isEmpty() ? 0
                            : Integer.parseInt((fraction + "00000").substring(0, 6)) * 1000)
                    .toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            // the 30th of February, second 60: strptime's fields match, its datetime refuses
            return Optional.empty();
        }
    }

    /**
     * Hours of the window a server was running (Nova's {@code _hours_for}): from its launch or the
     * window's start, whichever is later, to its termination or the window's stop, whichever is
     * earlier; nothing before it launched or after it ended.
     */
    public double hoursOf(Instant launchedAt, Instant terminatedAt) {
        if (terminatedAt != null && terminatedAt.isBefore(start) || launchedAt == null || launchedAt.isAfter(stop)) {
            return 0;
        }
        Instant from = launchedAt.isAfter(start) ? launchedAt : start;
        Instant to = terminatedAt != null && terminatedAt.isBefore(stop) ? terminatedAt : stop;
        // timedelta.total_seconds() is whole microseconds over 10^6, then Nova divides by 3600.0
        return ChronoUnit.MICROS.between(from, to) / 1e6 / 3600.0;
    }
}
