package io.windlass.agent.driver.docker;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CpuPinningTest {

    @Test
    void theLowestFreeCpusAreChosen() {
        assertEquals(Optional.of(List.of(0, 1)), CpuPinning.choose(4, Set.of(), 2));
        assertEquals(Optional.of(List.of(1, 3)), CpuPinning.choose(4, Set.of(0, 2), 2));
    }

    @Test
    void tooFewFreeIsNone() {
        assertEquals(Optional.empty(), CpuPinning.choose(4, Set.of(0, 1, 2), 2));
        assertEquals(Optional.empty(), CpuPinning.choose(2, Set.of(), 3));
        assertEquals(Optional.empty(), CpuPinning.choose(2, Set.of(), 0));
    }

    @Test
    void cpusetsAreWrittenAndReadInTheEnginesSyntax() {
        assertEquals("0,2,5", CpuPinning.cpuset(List.of(0, 2, 5)));
        assertEquals(Set.of(0, 2, 5), CpuPinning.parse("0,2,5"));
        assertEquals(Set.of(0, 1, 2, 3, 7), CpuPinning.parse("0-3, 7"));
        assertEquals(Set.of(), CpuPinning.parse(null));
        assertEquals(Set.of(1), CpuPinning.parse("x,1"));
    }
}
