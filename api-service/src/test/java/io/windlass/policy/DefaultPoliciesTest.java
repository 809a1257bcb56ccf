package io.windlass.policy;

import io.windlass.container.ContainerAction;
import io.windlass.container.policy.ContainerPolicy;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every rule the code uses has a default: a rule without one fails closed at the first request
 * that needs it ({@link PolicyEngine#allows}), so the sources are read for the rules they name.
 */
class DefaultPoliciesTest {
    /** A rule name in a string literal; a literal ending in ':' is a prefix ({@code container:get_one:}). */
    private static final Pattern RULE = Pattern.compile("\"((?:container|capsule|compute|os_compute_api|identity):[\\w:.-]*\\w)\"");
    private static final Pattern IDENTITY_ACTION = Pattern.compile("admin\\.authorize\\(\"(\\w+)\"\\)");
    private static final Pattern CONTAINER_ACTION = Pattern.compile("ContainerAction\\.([A-Z_]+)");

    private final Map<String, String> defaults = DefaultPolicies.rules();

    @Test
    void everyRuleNamedInTheCodeHasADefault() {
        Set<String> used = new TreeSet<>();
        sources().forEach(source -> {
            find(RULE, source).forEach(used::add);
            find(IDENTITY_ACTION, source).forEach(action -> used.add("identity:" + action));
        });
        // container actions are authorised as container:<verb>
        find(CONTAINER_ACTION, read(Path.of("src/main/java/io/windlass/container/api/ContainersResource.java")))
                .forEach(action -> used.add(ContainerPolicy.actionRule(ContainerAction.valueOf(action).verb())));
        assertTrue(used.size() > 60, "rules found in the sources: " + used.size());
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(defaults.keySet());
        // Neutron device owners of workload ports, spelled like rules but no rules
        missing.removeAll(Set.of("compute:kuryr", "compute:nova"));
        assertEquals(Set.of(), missing, "rules without a default");
    }

    /** Glance names its rules without a prefix ({@code deactivate}): the ones used are its policy's constants. */
    @Test
    void glanceImageRulesHaveDefaults() {
        String policy = read(Path.of("src/main/java/io/windlass/image/policy/GlanceImagePolicy.java"));
        Set<String> used = new TreeSet<>(find(Pattern.compile("static final String \\w+ = \"(\\w+)\""), policy).toList());
        assertEquals(Set.of("deactivate", "reactivate", "add_member", "delete_member", "get_member", "get_members",
                "modify_member"), used);
        used.forEach(rule -> assertTrue(defaults.containsKey(rule), rule));
    }

    @Test
    void everyDefaultParsesAndNamesOnlyKnownRules() {
        defaults.values().forEach(PolicyParser::parse);
        Matcher references = Pattern.compile("rule:(\\w+)").matcher(String.join(" ", defaults.values()));
        while (references.find()) {
            assertTrue(defaults.containsKey(references.group(1)), references.group());
        }
    }

    private static Stream<String> sources() {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            return files.filter(p -> p.toString().endsWith(".java")).toList().stream().map(DefaultPoliciesTest::read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> find(Pattern pattern, String text) {
        return pattern.matcher(text).results().map(m -> m.group(1));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
