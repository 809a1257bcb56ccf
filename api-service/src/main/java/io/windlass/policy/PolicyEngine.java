package io.windlass.policy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.windlass.context.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One policy engine for every API: rules are data ({@link DefaultPolicies}, overridden by
 * {@code windlass.policy.file}), parsed once at start, evaluated per request against the
 * caller and the target's project.
 */
@ApplicationScoped
public class PolicyEngine {
    private static final Logger LOG = Logger.getLogger(PolicyEngine.class);

    private final Map<String, PolicyCheck> rules;

    @Inject
    public PolicyEngine(PolicyConfig config) {
        Map<String, String> texts = new LinkedHashMap<>(DefaultPolicies.rules());
        config.file().ifPresent(file -> {
            Map<String, String> overrides = read(Path.of(file));
            texts.putAll(overrides);
            LOG.infof("policy file %s overrides %d rules", file, overrides.size());
        });
        this.rules = parse(texts);
    }

    /** An engine with the given rule texts (tests, tools). */
    public PolicyEngine(Map<String, String> texts) {
        this.rules = parse(texts);
    }

    public static PolicyEngine withDefaults() {
        return new PolicyEngine(DefaultPolicies.rules());
    }

    public boolean hasRule(String name) {
        return rules.containsKey(name);
    }

    /**
     * Zun's {@code might_not_exist} rules ({@code <resource>:get_one:<field>}, which Zun registers none of):
     * {@code rule} when an operator defined it, else {@code fallback}, the resource's own read rule.
     */
    public boolean allowsOrFallsBack(String rule, String fallback, RequestContext caller, String targetProjectId) {
        return allows(hasRule(rule) ? rule : fallback, caller, targetProjectId);
    }

    /**
     * @param targetProjectId the project of the resource acted on (the caller's own for creates and lists)
     * @throws IllegalArgumentException for a rule nobody defined: a programming error, so fail closed
     */
    public boolean allows(String rule, RequestContext caller, String targetProjectId) {
        return allows(rule, caller, targetProjectId, caller.userId());
    }

    /**
     * For what belongs to a user rather than a project (Nova's key pairs: {@code user_id:%(user_id)s}).
     *
     * @param targetUserId the user owning the resource acted on
     */
    public boolean allows(String rule, RequestContext caller, String targetProjectId, String targetUserId) {
        Map<String, String> target = new HashMap<>();
        target.put("project_id", targetProjectId);
        target.put("user_id", targetUserId);
        return allows(rule, caller, target);
    }

    /**
     * For rules that read more of the target than its project and user (Glance's image member rules:
     * {@code project_id:%(member_id)s}).
     *
     * @param target the {@code %(name)s} values; a name it lacks (or maps to null) matches nothing
     */
    public boolean allows(String rule, RequestContext caller, Map<String, String> target) {
        PolicyCheck check = rules.get(rule);
        if (check == null) {
            throw new IllegalArgumentException("no policy rule for " + rule);
        }
        return check.test(PolicyCredentials.of(caller), target, rules);
    }

    private static Map<String, PolicyCheck> parse(Map<String, String> texts) {
        Map<String, PolicyCheck> parsed = new HashMap<>();
        texts.forEach((name, text) -> parsed.put(name, PolicyParser.parse(text)));
        return Map.copyOf(parsed);
    }

    private static Map<String, String> read(Path file) {
        // YAML is a superset of JSON, so one reader serves both formats
        try {
            Map<String, String> map = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(),
                    new TypeReference<Map<String, String>>() { });
            return map == null ? Map.of() : map;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read policy file " + file + ": " + e.getMessage(), e);
        }
    }
}
