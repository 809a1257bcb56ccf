package io.windlass.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scrape of a service's {@code /q/metrics} (Prometheus text format), read back into samples:
 * how the services' tests check that a named series moved, and how a tool can read a value
 * without a Prometheus server.
 */
public final class ScrapedMetrics {

    /** One line of the scrape: {@code name{labels} value}. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private ScrapedMetrics(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    /** Reads a scrape; comments and lines it cannot read are skipped. */
    public static ScrapedMetrics parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                Sample sample = sample(line.strip());
                if (sample != null) {
                    samples.add(sample);
                }
            }
        }
        return new ScrapedMetrics(samples);
    }

    /** Every sample of {@code name} whose labels include each of {@code labels} ("key", "value", ...). */
    public List<Sample> samples(String name, String... labels) {
        return samples.stream().filter(s -> s.name().equals(name) && carries(s, labels)).toList();
    }

    /** The sum of {@link #samples}: 0 when the series does not exist (yet). */
    public double sum(String name, String... labels) {
        return samples(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    /** How much {@link #sum} grew from {@code earlier} to this scrape: what a test's operation moved. */
    public double increaseSince(ScrapedMetrics earlier, String name, String... labels) {
        return sum(name, labels) - earlier.sum(name, labels);
    }

    private static boolean carries(Sample sample, String... labels) {
        for (int i = 0; i + 1 < labels.length; i += 2) {
            if (!labels[i + 1].equals(sample.labels().get(labels[i]))) {
                return false;
            }
        }
        return true;
    }

    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space = line.lastIndexOf(' ');
        if (space < 0) {
            return null;
        }
        Map<String, String> labels = new LinkedHashMap<>();
        String name;
        if (brace >= 0 && brace < space) {
            name = line.substring(0, brace);
            int end = labels(line, brace + 1, labels);
            space = line.indexOf(' ', end);
            if (space < 0) {
                return null;
            }
        } else {
            name = line.substring(0, space);
        }
        String[] rest = line.substring(space + 1).strip().split(" ");
        try {
            return new Sample(name, labels, Double.parseDouble(rest[0]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Reads {@code key="value",...}} from {@code at}; answers the index after the closing brace. */
    private static int labels(String line, int at, Map<String, String> into) {
        int i = at;
        while (i < line.length() && line.charAt(i) != '}') {
            int eq = line.indexOf('=', i);
            String key = line.substring(i, eq).strip();
            StringBuilder value = new StringBuilder();
            int j = eq + 2;
            while (j < line.length() && line.charAt(j) != '"') {
                char c = line.charAt(j);
                if (c == '\\' && j + 1 < line.length()) {
                    char next = line.charAt(++j);
                    value.append(next == 'n' ? '\n' : next);
                } else {
                    value.append(c);
                }
                j++;
            }
            into.put(key, value.toString());
            i = j + 1;
            if (i < line.length() && line.charAt(i) == ',') {
                i++;
            }
        }
        return i + 1;
    }
}
