package io.windlass.api.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

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
        if (value.isTextual() || value.isBoolean() || value.isNumber()) {
            return value.isTextual() ? repr(value.textValue()) : value.isBoolean()
                    ? (value.booleanValue() ? "True" : "False") : number(value.decimalValue(), value.isIntegralNumber());
        }
        return value.isArray()
                ? StreamSupport.stream(value.spliterator(), false).map(PythonRepr::repr)
                .collect(Collectors.joining(", ", "[", "]"))
                : value.properties().stream().map(e -> repr(e.getKey()) + ": " + repr(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** {@code str(value)}: as {@link #repr} except that a string is itself. */
    public static String str(JsonNode value) {
        return value != null && value.isTextual() ? value.textValue() : repr(value);
    }

    /** A Python string literal: single quotes unless the text holds one and no double quote. */
    public static String repr(String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        text.chars().forEach(c -> out.append(switch (c) {
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> c == quote ? "\\" + quote : String.valueOf((char) c);
        }));
        return out.append(quote).toString();
    }

    /** An int as its digits, a float as Python prints it ({@code 16.0}, {@code 0.5}). */
    public static String number(BigDecimal value, boolean integral) {
        String plain = integral ? value.toBigInteger().toString() : value.stripTrailingZeros().toPlainString();
        return integral || plain.contains(".") ? plain : plain + ".0";
    }
}
