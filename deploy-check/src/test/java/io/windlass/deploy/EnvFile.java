package io.windlass.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A systemd {@code EnvironmentFile=} as deploy/systemd writes them: {@code NAME=value} lines that are
 * set, {@code #NAME=value} lines that document a setting left at its default (or, for a setting
 * without one, an example), {@code # text} comments and blank lines. Any other line is a problem.
 */
final class EnvFile {
    private static final Pattern ASSIGNMENT = Pattern.compile("^(#?)([A-Za-z_][A-Za-z0-9_]*)=(.*)$");

    /** Values of the lines that are set, in order. */
    final Map<String, String> set = new LinkedHashMap<>();
    /** Values of the commented-out lines, in order. */
    final Map<String, String> documented = new LinkedHashMap<>();
    final List<String> problems = new ArrayList<>();

    EnvFile(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("# ") || line.equals("#")) {
                continue;
            }
            Matcher m = ASSIGNMENT.matcher(line);
            if (!m.matches()) {
                problems.add("line " + (i + 1) + " is neither NAME=value, #NAME=value nor a '# ' comment: " + line);
                continue;
            }
            String name = m.group(2);
            if (set.containsKey(name) || documented.containsKey(name)) {
                problems.add("line " + (i + 1) + ": " + name + " appears twice");
            }
            (m.group(1).isEmpty() ? set : documented).put(name, unquoted(m.group(3)));
        }
    }

    /** systemd takes a value in double or single quotes without them. */
    private static String unquoted(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
