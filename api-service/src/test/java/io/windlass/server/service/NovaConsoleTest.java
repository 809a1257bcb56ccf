package io.windlass.server.service;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class NovaConsoleTest {
    private static final String LOG = "0\n1\n2\n3\n4";

    @Test
    void lengthIsTheLastPiecesAsNovasTailLogCutsThem() {
        // nova's test_console_output fixture: '\n'.join(str(i) for i in range(5))
        assertEquals(LOG, NovaConsole.output(LOG, null));
        assertEquals("2\n3\n4", NovaConsole.output(LOG, 3));
        assertEquals("", NovaConsole.output(LOG, 0));
        assertEquals(LOG, NovaConsole.output(LOG, 50));
        // a log ending in a newline: its last piece is empty, so length 3 splits into 3 as Tempest counts
        String output = NovaConsole.output("boot\nup\nready\nlogin:\n", 3);
        assertEquals("ready\nlogin:\n", output);
        assertEquals(3, output.split("\n", -1).length);
    }

    @Test
    void controlCharactersGoAndNonAsciiIsReplacedPerByte() {
        // only the control bytes go: an escape sequence keeps its printable tail
        assertEquals("a\tb\n[0mc", NovaConsole.output("a\tb\r\n\u001b[0mc\u0007", null));
        assertEquals("caf\uFFFD\uFFFD \uFFFD\uFFFD\uFFFD \uFFFD\uFFFD\uFFFD\uFFFD", NovaConsole.output("café € 😀", null));
    }

    @Test
    void lengthIsReadFromTheValidatedValue() {
        assertNull(NovaConsole.length(null));
        assertNull(NovaConsole.length("-1"), "the schema's unlimited length");
        assertEquals(0, NovaConsole.length("0"));
        assertEquals(12, NovaConsole.length("0012"));
        assertEquals(3, NovaConsole.length("3.0"));
        assertNull(NovaConsole.length("99999999999999999999"));
    }
}
