package io.windlass.container.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command string into words as Python's {@code shlex.split} does, which is how
 * Zun turns the pre-1.20 string {@code command} into a list.
 */
final class ShellCommandSplitter {

    private ShellCommandSplitter() {
    }

    /** @throws IllegalArgumentException on an unterminated quote or trailing escape */
    static List<String> split(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            boolean escapes = quote == 0 || quote == '"' && i + 1 < command.length()
                    && "\\\"$`".indexOf(command.charAt(i + 1)) >= 0;
            if (quote == 0 && Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                }
                word = null;
            } else if (quote != 0 && c == quote) {
                quote = 0;
            } else if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (c == '\\' && quote != '\'' && escapes) {
                if (++i >= command.length()) {
                    throw new IllegalArgumentException("No escaped character");
                }
                word = (word == null ? new StringBuilder() : word).append(command.charAt(i));
            } else {
                word = (word == null ? new StringBuilder() : word).append(c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("No closing quotation");
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
