package io.windlass.image.api;

import io.windlass.api.error.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Glance's filter operators for {@code id}, {@code status}, {@code container_format} and
 * {@code disk_format} ({@code glance/common/utils.py split_filter_op},
 * {@code split_filter_value_for_quotes}): {@code value} or {@code eq:value} is one value,
 * {@code in:a,b,"c,d"} a list (double quotes keep commas), any other operator a 400.
 */
final class GlanceFilterOperator {
    /** A quoted value (backslash escapes kept), an unquoted one up to a comma, or an empty one. */
    private static final Pattern VALUE = Pattern.compile("\"([^\"\\\\]*(?:\\\\.[^\"\\\\]*)*)\",?|([^,]+),?|,");

    private GlanceFilterOperator() {
    }

    /** The values an expression accepts. */
    static List<String> values(String expression) {
        int colon = expression.indexOf(':');
        if (colon < 0) {
            return List.of(expression);
        }
        String operator = expression.substring(0, colon);
        String threshold = expression.substring(colon + 1);
        return switch (operator) {
            case "eq" -> List.of(threshold);
            case "in" -> split(threshold);
            default -> throw InvalidInputException.badRequest("Unable to filter by unknown operator '" + operator
                    + "'.");
        };
    }

    private static List<String> split(String list) {
        validateQuotes(list);
        List<String> values = new ArrayList<>();
        Matcher m = VALUE.matcher(list);
        while (m.find()) {
            values.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : "");
        }
        return values;
    }

    /** Glance's {@code validate_quotes}: quotes open and close whole values. */
    private static void validateQuotes(String value) {
        boolean open = true;
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) != '"' || i > 0 && value.charAt(i - 1) == '\\') {
                continue;
            }
            if (open) {
                if (i > 0 && value.charAt(i - 1) != ',') {
                    throw InvalidInputException.badRequest("Invalid filter value " + value + ". There is no comma "
                            + "before opening quotation mark.");
                }
            } else if (i + 1 != value.length() && value.charAt(i + 1) != ',') {
                throw InvalidInputException.badRequest("Invalid filter value " + value + ". There is no comma after "
                        + "closing quotation mark.");
            }
            open = !open;
        }
        if (!open) {
            throw InvalidInputException.badRequest("Invalid filter value " + value + ". The quote is not closed.");
        }
    }
}
