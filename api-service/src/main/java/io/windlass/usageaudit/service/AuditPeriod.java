package io.windlass.usageaudit.service;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * An instance usage audit period, in UTC without a zone as Nova keeps it: Nova's default
 * {@code instance_usage_audit_period = month}, periods running from the 1st of a month at midnight
 * to the 1st of the next.
 */
public record AuditPeriod(LocalDateTime beginning, LocalDateTime ending) {
    /** Python's {@code str(datetime)} for a time without microseconds, as Nova's answer shows a period's ends. */
    private static final DateTimeFormatter PYTHON_STR = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    /**
     * Nova's {@code utils.last_completed_audit_period(before=...)} for monthly periods: the last
     * period to end strictly before {@code before} (a period ending at {@code before} itself is
     * still running then).
     */
    public static AuditPeriod lastCompletedBefore(LocalDateTime before) {
        LocalDateTime end = before.toLocalDate().withDayOfMonth(1).atStartOfDay();
        if (!end.isBefore(before)) {
            end = end.minusMonths(1);
        }
        return new AuditPeriod(end.minusMonths(1), end);
    }

    public String beginningText() {
        return PYTHON_STR.format(beginning);
    }

    public String endingText() {
        return PYTHON_STR.format(ending);
    }
}
