package io.windlass.agent.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The round-trip times of one {@code ping} run, read from its reply lines ({@code ... time=0.218 ms}),
 * so a benchmark can give percentiles rather than busybox's min/avg/max summary.
 *
 * @param sent    requests sent
 * @param samples milliseconds, one per reply, in order
 */
public record RoundTrips(int sent, List<Double> samples) {
    private static final Pattern REPLY = Pattern.compile("time=([0-9.]+) ms");
    private static final Pattern SENT = Pattern.compile("(\\d+) packets transmitted");

    public RoundTrips {
        samples = List.copyOf(samples);
    }

    public static RoundTrips parse(String pingOutput) {
        List<Double> samples = new ArrayList<>();
        Matcher reply = REPLY.matcher(pingOutput);
        while (reply.find()) {
            samples.add(Double.parseDouble(reply.group(1)));
        }
        Matcher sent = SENT.matcher(pingOutput);
        return new RoundTrips(sent.find() ? Integer.parseInt(sent.group(1)) : samples.size(), samples);
    }

    /** Both runs' samples together. */
    public RoundTrips plus(RoundTrips other) {
        List<Double> all = new ArrayList<>(samples);
        all.addAll(other.samples);
        return new RoundTrips(sent + other.sent, all);
    }

    /** The nearest-rank percentile, in milliseconds. */
    public double percentile(double p) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = samples.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }

    public double mean() {
        return samples.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    public double lossPercent() {
        return sent == 0 ? 0 : 100.0 * (sent - samples.size()) / sent;
    }

    /** One line of a table: sent, loss, p50, p90, p99, mean, max. */
    public String row() {
        return String.format(Locale.ROOT, "%6d %6.1f%% %8.3f %8.3f %8.3f %8.3f %8.3f", sent, lossPercent(),
                percentile(50), percentile(90), percentile(99), mean(), percentile(100));
    }
}
