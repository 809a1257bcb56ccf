package io.windlass.api.microversion;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A microversion {@code major.minor}, ordered numerically (1.9 &lt; 1.10). */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {
    private static final Pattern FORM = Pattern.compile("^([1-9]\\d*)\\.(0|[1-9]\\d*)$");

    /** @throws IllegalArgumentException when the text is not {@code X.Y} */
    public static ApiVersion parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a microversion: " + text);
        }
        return new ApiVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public static ApiVersion of(int major, int minor) {
        return new ApiVersion(major, minor);
    }

    public boolean isAtLeast(ApiVersion other) {
        return compareTo(other) >= 0;
    }

    public boolean isAtMost(ApiVersion other) {
        return compareTo(other) <= 0;
    }

    @Override
    public int compareTo(ApiVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
