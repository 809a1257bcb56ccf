package io.windlass.container.api;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Behaves as Python's shlex.split, which Zun applies to pre-1.20 string commands. */
class ShellCommandSplitterTest {

    @Test
    void splitsOnWhitespaceAndHonoursQuotes() {
        assertEquals(List.of("sleep", "100"), ShellCommandSplitter.split("  sleep   100 "));
        assertEquals(List.of("sh", "-c", "echo 'hi' there"), ShellCommandSplitter.split("sh -c \"echo 'hi' there\""));
        assertEquals(List.of("a b", "c"), ShellCommandSplitter.split("'a b' c"));
        assertEquals(List.of("ab"), ShellCommandSplitter.split("a''b"));
        assertEquals(List.of("a b"), ShellCommandSplitter.split("a\\ b"));
        assertEquals(List.of("say \"x\""), ShellCommandSplitter.split("\"say \\\"x\\\"\""));
        assertEquals(List.of(), ShellCommandSplitter.split("   "));
        assertEquals(List.of("", "x"), ShellCommandSplitter.split("'' x"));
        assertEquals(List.of("a\\b", "c\\d"), ShellCommandSplitter.split("\"a\\b\" 'c\\d'"));
    }

    @Test
    void unterminatedQuotesAndEscapesFail() {
        assertThrows(IllegalArgumentException.class, () -> ShellCommandSplitter.split("echo 'open"));
        assertThrows(IllegalArgumentException.class, () -> ShellCommandSplitter.split("echo \"open"));
        assertThrows(IllegalArgumentException.class, () -> ShellCommandSplitter.split("echo \\"));
    }
}
