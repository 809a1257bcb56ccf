package io.windlass.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The alerting rules in {@code deploy/prometheus/windlass-alerts.yml} are Prometheus rule groups
 * whose every rule is complete (name, expression, severity, what it means), and every series an
 * expression reads is one Windlass publishes: documented in docs/metrics.md (Windlass' own and
 * Quarkus' HTTP timer), or Prometheus' own {@code up}. A renamed meter fails here, not at 3 a.m.
 */
class PrometheusAlertsTest {
    private static final Pattern SERIES = Pattern.compile("\\b((?:windlass|http_server)_[a-z_]+)");
    /** Prometheus' names for a timer's or counter's parts, which docs/metrics.md lists by their base. */
    private static final Pattern SUFFIX = Pattern.compile("_(bucket|count|sum|max|total)$");
    private static final Set<String> SEVERITIES = Set.of("page", "warning");

    @Test
    void everyRuleIsCompleteAndReadsOnlyPublishedSeries() throws Exception {
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(RepoFiles.read(
                "deploy/prometheus/windlass-alerts.yml"));
        String catalogue = RepoFiles.read("docs/metrics.md");
        List<String> problems = new ArrayList<>();
        int count = 0;
        for (JsonNode group : rules.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                count++;
                problems.addAll(problems(rule, catalogue));
            }
        }
        assertFalse(count == 0, "no rules");
        assertEquals(List.of(), problems);
    }

    @Test
    void aRenamedSeriesOrAnIncompleteRuleIsFound() {
        String catalogue = "`windlass_rpc_queue_depth` ...";
        JsonNode rule = new ObjectMapper().createObjectNode().put("alert", "X")
                .put("expr", "windlass_rpc_queue_dept > 1");
        assertEquals(List.of("X: reads windlass_rpc_queue_dept, which docs/metrics.md does not list",
                "X: labels.severity is not one of " + SEVERITIES, "X: no annotations.summary",
                "X: no annotations.description"), problems(rule, catalogue));
    }

    private static List<String> problems(JsonNode rule, String catalogue) {
        String name = rule.path("alert").asText("(unnamed)");
        List<String> problems = new ArrayList<>();
        String expr = rule.path("expr").asText("");
        if (expr.isBlank()) {
            problems.add(name + ": no expr");
        }
        Matcher m = SERIES.matcher(expr);
        while (m.find()) {
            String series = m.group(1);
            String base = SUFFIX.matcher(series).replaceAll("");
            if (!catalogue.contains("`" + series + "`") && !catalogue.contains("`" + base + "`")
                    && !catalogue.contains("`" + base + "_total`") && !catalogue.contains("`" + base + "_seconds`")) {
                problems.add(name + ": reads " + series + ", which docs/metrics.md does not list");
            }
        }
        if (!SEVERITIES.contains(rule.path("labels").path("severity").asText())) {
            problems.add(name + ": labels.severity is not one of " + SEVERITIES);
        }
        for (String annotation : List.of("summary", "description")) {
            if (rule.path("annotations").path(annotation).asText("").isBlank()) {
                problems.add(name + ": no annotations." + annotation);
            }
        }
        return problems;
    }
}
