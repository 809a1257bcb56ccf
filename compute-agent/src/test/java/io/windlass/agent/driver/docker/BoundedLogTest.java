package io.windlass.agent.driver.docker;

import io.windlass.workload.WorkloadLog;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundedLogTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aShortLogIsKeptWhole() {
        BoundedLog log = new BoundedLog(64);
        log.append(bytes("one\n"));
        log.append(bytes("two\n"));
        log.append(new byte[0]);
        assertEquals(new WorkloadLog("one\ntwo\n", false), log.toLog());
    }

    @Test
    void nothingLoggedIsEmpty() {
        assertEquals(new WorkloadLog("", false), new BoundedLog(8).toLog());
    }

    @Test
    void aLongLogKeepsItsEndFromALineStart() {
        BoundedLog log = new BoundedLog(10);
        for (String line : new String[] {"line1\n", "line2\n", "line3\n", "line4\n"}) {
            log.append(bytes(line));
        }
        // the last 10 bytes are "e3\nline4\n": the cut line goes
        WorkloadLog kept = log.toLog();
        assertEquals("line4\n", kept.text());
        assertTrue(kept.truncated());
    }

    @Test
    void aCutOnALineBoundaryLosesNoWholeLine() {
        BoundedLog log = new BoundedLog(12);
        for (String line : new String[] {"aaaaa\n", "bbbbb\n", "ccccc\n"}) {
            log.append(bytes(line));
        }
        assertEquals(new WorkloadLog("bbbbb\nccccc\n", true), log.toLog());
    }

    @Test
    void aCharacterSplitBetweenFramesIsDecodedWhole() {
        byte[] euro = bytes("€\n");
        BoundedLog log = new BoundedLog(64);
        log.append(new byte[] {euro[0]});
        log.append(new byte[] {euro[1], euro[2], euro[3]});
        assertEquals("€\n", log.toLog().text());
    }

    @Test
    void oneLongerLineIsKeptFromItsEnd() {
        BoundedLog log = new BoundedLog(4);
        log.append(bytes("abcdefgh"));
        WorkloadLog kept = log.toLog();
        assertEquals("efgh", kept.text());
        assertTrue(kept.truncated());
        assertFalse(new BoundedLog(8).toLog().truncated());
    }
}
