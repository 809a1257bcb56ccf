package io.windlass.hypervisor.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * A host's uptime in the words of {@code uptime(1)}, which Nova's libvirt driver answers verbatim
 * ({@code " 08:32:11 up 93 days, 18:25, 12 users,  load average: ..."}). Agents report neither
 * their machine's boot time nor its users or load, so here it is the current UTC time and how
 * long the host has been registered with Windlass (since its first heartbeat), cut before the
 * users and the load average rather than making them up.
 */
public final class HostUptime {
    private HostUptime() {
    }

    /** {@code " HH:MM:SS up [N day[s], ]H:MM"} or {@code "... up M min"}, as procps formats it. */
    public static String describe(Instant now, Instant since) {
        LocalTime time = LocalTime.ofInstant(now, ZoneOffset.UTC);
        long seconds = Math.max(0, Duration.between(since, now).toSeconds());
        long days = seconds / 86_400;
        long hours = seconds / 3_600 % 24;
        long minutes = seconds / 60 % 60;
        StringBuilder out = new StringBuilder(String.format(" %02d:%02d:%02d up ", time.getHour(), time.getMinute(),
                time.getSecond()));
        if (days > 0) {
            out.append(days).append(days == 1 ? " day, " : " days, ");
        }
        out.append(hours > 0 ? String.format("%2d:%02d", hours, minutes) : minutes + " min");
        return out.toString();
    }
}
