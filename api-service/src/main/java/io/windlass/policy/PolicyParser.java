package io.windlass.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * oslo.policy's rule language: checks ({@code role:admin}, {@code project_id:%(project_id)s},
 * {@code rule:name}, {@code @}, {@code !}) combined with {@code and}, {@code or}, {@code not}
 * and parentheses; {@code and} binds tighter than {@code or}.
 */
public final class PolicyParser {
    private final List<String> tokens;
    private int position;

    private PolicyParser(List<String> tokens) {
        this.tokens = tokens;
    }

    /** @throws IllegalArgumentException naming the rule text when it cannot be parsed */
    public static PolicyCheck parse(String rule) {
        if (rule == null || rule.isBlank()) {
            return new PolicyCheck.Always();
        }
        // as oslo.policy does: split on whitespace, then peel parentheses off the ends of each
        // word, so that "%(project_id)s" inside a check stays whole
        List<String> tokens = new ArrayList<>();
        for (String word : rule.strip().split("\\s+")) {
            int start = 0;
            int end = word.length();
            while (start < end && word.charAt(start) == '(') {
                tokens.add("(");
                start++;
            }
            int closing = 0;
            while (end > start && word.charAt(end - 1) == ')') {
                closing++;
                end--;
            }
            if (start < end) {
                tokens.add(word.substring(start, end));
            }
            for (int i = 0; i < closing; i++) {
                tokens.add(")");
            }
        }
        PolicyParser parser = new PolicyParser(tokens);
        PolicyCheck check = parser.or();
        if (parser.position != tokens.size()) {
            throw new IllegalArgumentException("cannot parse policy rule '" + rule + "' near '"
                    + tokens.get(parser.position) + "'");
        }
        return check;
    }

    private PolicyCheck or() {
        List<PolicyCheck> any = new ArrayList<>(List.of(and()));
        while (accept("or")) {
            any.add(and());
        }
        return any.size() == 1 ? any.getFirst() : new PolicyCheck.Or(any);
    }

    private PolicyCheck and() {
        List<PolicyCheck> all = new ArrayList<>(List.of(unary()));
        while (accept("and")) {
            all.add(unary());
        }
        return all.size() == 1 ? all.getFirst() : new PolicyCheck.And(all);
    }

    private PolicyCheck unary() {
        if (accept("not")) {
            return new PolicyCheck.Not(unary());
        }
        if (accept("(")) {
            PolicyCheck inner = or();
            if (!accept(")")) {
                throw new IllegalArgumentException("missing ')' in policy rule");
            }
            return inner;
        }
        if (position >= tokens.size()) {
            throw new IllegalArgumentException("policy rule ends where a check was expected");
        }
        return check(tokens.get(position++));
    }

    private static PolicyCheck check(String text) {
        if (text.equals("@")) {
            return new PolicyCheck.Always();
        }
        if (text.equals("!")) {
            return new PolicyCheck.Never();
        }
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("'" + text + "' is not a policy check");
        }
        String kind = text.substring(0, colon);
        String value = text.substring(colon + 1);
        return switch (kind) {
            case "rule" -> new PolicyCheck.RuleRef(value);
            case "role" -> new PolicyCheck.Role(value);
            default -> new PolicyCheck.Generic(kind, value);
        };
    }

    private boolean accept(String token) {
        if (position < tokens.size() && tokens.get(position).equalsIgnoreCase(token)) {
            position++;
            return true;
        }
        return false;
    }
}
