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
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < command.length() && "\\\"$`".indexOf(command.charAt(i + 1)) >= 0) {
                    word.append(command.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                inWord = true;
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\') {
                    if (i + 1 >= command.length()) {
                        throw new IllegalArgumentException("No escaped character");
                    }
                    word.append(command.charAt(++i));
                } else {
                    word.append(c);
                }
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("No closing quotation");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
