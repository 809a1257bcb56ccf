package io.windlass.system;

import java.util.List;
import java.util.regex.Pattern;

/**
 * ERROR is reserved for what an operator must look at, so a clean system-test run has none:
 * any ERROR line not matched by the allow-list fails the test class.
 */
public final class ServiceLogCheck {
    /** Level column of {@code %d{HH:mm:ss,SSS} %-5p ...}, the services' console format. */
    private static final Pattern ERROR_LINE = Pattern.compile("^\\d{2}:\\d{2}:\\d{2},\\d{3} ERROR ");

    private final List<Pattern> allowed;

    public ServiceLogCheck(List<Pattern> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /**
     * ERROR lines a clean run may legitimately contain. Each entry needs a reason; keep this
     * list short, as every entry hides a class of failure from the system tests.
     */
    public static ServiceLogCheck withDefaultAllowList() {
        return new ServiceLogCheck(List.of(
                // Quarkus' own tag for a scheduled job that was still running when the test's SIGTERM
                // had already shut the application down (its transaction ends with no CDI container),
                // or whose skip predicate fired its SkippedExecution event then, which ends the line
                // with the tag: teardown noise, not an error of the running service
                Pattern.compile(" \\[Error Occurred After Shutdown\\](: |$)")));
    }

    /** The ERROR lines of {@code log} that are not allowed. */
    public List<String> unexpectedErrors(String log) {
        return log.lines()
                .filter(line -> ERROR_LINE.matcher(line).find())
                .filter(line -> allowed.stream().noneMatch(p -> p.matcher(line).find()))
                .toList();
    }
}
