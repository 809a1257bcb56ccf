package io.windlass.api.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON values written as Python writes them ({@code repr} and {@code str}), because Nova's and
 * Zun's error messages are Python's jsonschema messages about the decoded request.
 */
public final class PythonRepr {
    private PythonRepr() {
    }

    /** {@code repr(value)}: {@code 'text'}, {@code True}, {@code None}, {@code {'k': [1, 2.5]}}. */
    public static String repr(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "None";
        }
        if (value.isTextual()) {
            return repr(value.textValue());
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "True" : "False";
        }
        if (value.isNumber()) {
            return number(value.decimalValue(), value.isIntegralNumber());
        }
        List<String> items = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(v -> items.add(repr(v)));
            return "[" + String.join(", ", items) + "]";
        }
        value.fields().forEachRemaining(e -> items.add(repr(e.getKey()) + ": " + repr(e.getValue())));
        return "{" + String.join(", ", items) + "}";
    }

    /** {@code str(value)}: as {@link #repr} except that a string is itself. */
    public static String str(JsonNode value) {
        return value != null && value.isTextual() ? value.textValue() : repr(value);
    }

    /** A Python string literal: single quotes unless the text holds one and no double quote. */
    public static String repr(String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c == quote ? "\\" + c : String.valueOf(c));
            }
        }
        return out.append(quote).toString();
    }

    /** An int as its digits, a float as Python prints it ({@code 16.0}, {@code 0.5}). */
    public static String number(BigDecimal value, boolean integral) {
        if (integral) {
            return value.toBigInteger().toString();
        }
        String plain = value.stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }
}
