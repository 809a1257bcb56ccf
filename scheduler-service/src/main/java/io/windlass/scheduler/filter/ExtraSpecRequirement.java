package io.windlass.scheduler.filter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.IntPredicate;

/**
 * Nova's extra-spec matching ({@code nova/scheduler/filters/extra_specs_ops.py}): a requirement
 * is an operator and operands separated by spaces, or a plain string compared for equality.
 * Numeric operators on a value that is not a number do not match (Nova would raise).
 */
public final class ExtraSpecRequirement {

    private static final Map<String, BiPredicate<String, String>> SINGLE_OPERAND = Map.ofEntries(
            // "=" means "at least", as in Nova: a host with more than asked qualifies
            Map.entry("=", numeric(c -> c >= 0)),
            Map.entry("==", numeric(c -> c == 0)),
            Map.entry("!=", numeric(c -> c != 0)),
            Map.entry(">=", numeric(c -> c >= 0)),
            Map.entry("<=", numeric(c -> c <= 0)),
            Map.entry("<in>", String::contains),
            Map.entry("s==", (x, y) -> x.compareTo(y) == 0),
            Map.entry("s!=", (x, y) -> x.compareTo(y) != 0),
            Map.entry("s<", (x, y) -> x.compareTo(y) < 0),
            Map.entry("s<=", (x, y) -> x.compareTo(y) <= 0),
            Map.entry("s>", (x, y) -> x.compareTo(y) > 0),
            Map.entry("s>=", (x, y) -> x.compareTo(y) >= 0));
    private static final String ALL_IN = "<all-in>";
    private static final String OR = "<or>";

    private ExtraSpecRequirement() {
    }

    /**
     * Whether {@code value} (one aggregate value) satisfies {@code requirement}. Runs for every
     * host of every decision: a one-word requirement (the usual {@code ssd=true} label) is a plain
     * comparison, and nothing here compiles a pattern or builds a stream.
     */
    public static boolean matches(String value, String requirement) {
        List<String> words = words(requirement);
        String op = words.isEmpty() ? null : words.getFirst();
        boolean known = op != null && (SINGLE_OPERAND.containsKey(op) || op.equals(ALL_IN) || op.equals(OR));
        if (!known) {
            return requirement.equals(value);
        }
        if (value == null) {
            return false;
        }
        List<String> operands = words.subList(1, words.size());
        if (op.equals(OR)) {
            return anyAlternative(value, operands);
        }
        if (operands.isEmpty()) {
            return false;
        }
        if (op.equals(ALL_IN)) {
            for (String operand : operands) {
                if (!value.contains(operand)) {
                    return false;
                }
            }
            return true;
        }
        return SINGLE_OPERAND.get(op).test(value, operands.getFirst());
    }

    /** The whitespace-separated words of {@code requirement} ({@code split("\\s+")} without the pattern). */
    static List<String> words(String requirement) {
        int length = requirement.length();
        int first = 0;
        while (first < length && Character.isWhitespace(requirement.charAt(first))) {
            first++;
        }
        int end = first;
        while (end < length && !Character.isWhitespace(requirement.charAt(end))) {
            end++;
        }
        int next = end;
        while (next < length && Character.isWhitespace(requirement.charAt(next))) {
            next++;
        }
        if (next == length) {
            // zero or one word: no list to build beyond it
            return first == end ? List.of() : List.of(first == 0 && end == length ? requirement
                    : requirement.substring(first, end));
        }
        List<String> words = new ArrayList<>();
        int start = first;
        for (int i = first; i <= length; i++) {
            boolean boundary = i == length || Character.isWhitespace(requirement.charAt(i));
            if (boundary) {
                if (i > start) {
                    words.add(requirement.substring(start, i));
                }
                start = i + 1;
            }
        }
        return words;
    }

    /** {@code <or> a <or> b}: the operands alternate with {@code <or>} keywords. */
    private static boolean anyAlternative(String value, List<String> operands) {
        Deque<String> words = new ArrayDeque<>(operands);
        while (!words.isEmpty()) {
            if (words.pop().equals(value)) {
                return true;
            }
            if (!words.isEmpty()) {
                words.pop();
            }
        }
        return false;
    }

    /** Compares both sides as numbers; {@code outcome} judges the sign of the comparison. */
    private static BiPredicate<String, String> numeric(IntPredicate outcome) {
        return (x, y) -> {
            try {
                return outcome.test(Double.compare(Double.parseDouble(x.strip()), Double.parseDouble(y.strip())));
            } catch (NumberFormatException e) {
                return false;
            }
        };
    }
}
