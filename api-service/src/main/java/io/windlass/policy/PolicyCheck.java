package io.windlass.policy;

import java.util.List;
import java.util.Map;

/** A parsed rule: a tree of oslo.policy checks. */
public sealed interface PolicyCheck {

    /** @param rules every named rule, for {@code rule:} references */
    boolean test(PolicyCredentials caller, Map<String, String> target, Map<String, PolicyCheck> rules);

    /** {@code @} (or an empty rule): always. */
    record Always() implements PolicyCheck {
        public boolean test(PolicyCredentials c, Map<String, String> t, Map<String, PolicyCheck> r) {
            return true;
        }
    }

    /** {@code !}: never. */
    record Never() implements PolicyCheck {
        public boolean test(PolicyCredentials c, Map<String, String> t, Map<String, PolicyCheck> r) {
            return false;
        }
    }

    record Not(PolicyCheck inner) implements PolicyCheck {
        public boolean test(PolicyCredentials c, Map<String, String> t, Map<String, PolicyCheck> r) {
            return !inner.test(c, t, r);
        }
    }

    record And(List<PolicyCheck> all) implements PolicyCheck {
        public boolean test(PolicyCredentials c, Map<String, String> t, Map<String, PolicyCheck> r) {
            return all.stream().allMatch(x -> x.test(c, t, r));
        }
    }

    record Or(List<PolicyCheck> any) implements PolicyCheck {
        public boolean test(PolicyCredentials c, Map<String, String> t, Map<String, PolicyCheck> r) {
            return any.stream().anyMatch(x -> x.test(c, t, r));
        }
    }

    /** {@code rule:<name>}; an unknown name denies, as in oslo.policy. */
    record RuleRef(String name) implements PolicyCheck {
        public boolean test(PolicyCredentials c, Map<String, String> t, Map<String, PolicyCheck> r) {
            PolicyCheck rule = r.get(name);
            return rule != null && rule.test(c, t, r);
        }
    }

    /** {@code role:<name>}. */
    record Role(String role) implements PolicyCheck {
        public boolean test(PolicyCredentials c, Map<String, String> t, Map<String, PolicyCheck> r) {
            return c.roles().contains(role.toLowerCase());
        }
    }

    /**
     * {@code <credential>:<value>}: the caller's attribute ({@code project_id}, {@code user_id},
     * {@code is_admin}) equals the value; {@code %(name)s} takes the value from the target.
     */
    record Generic(String attribute, String value) implements PolicyCheck {
        public boolean test(PolicyCredentials c, Map<String, String> t, Map<String, PolicyCheck> r) {
            String actual = c.attribute(attribute);
            String expected = value;
            if (value.startsWith("%(") && value.endsWith(")s")) {
                expected = t.get(value.substring(2, value.length() - 2));
            } else if (value.startsWith("'") && value.endsWith("'") && value.length() >= 2) {
                expected = value.substring(1, value.length() - 1);
            }
            return actual != null && expected != null && actual.equalsIgnoreCase(expected);
        }
    }
}
