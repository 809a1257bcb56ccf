package io.windlass.network.service;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SegmentRangeTest {

    @Test
    void randomIdsStayInTheRange() {
        SegmentRange range = new SegmentRange(1000, 1002);
        Random random = new Random(3);
        for (int i = 0; i < 100; i++) {
            assertTrue(range.contains(range.random(random)));
        }
    }

    @Test
    void refusesRangesVxlanCannotCarry() {
        assertThrows(IllegalArgumentException.class, () -> new SegmentRange(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new SegmentRange(10, 16777216));
        assertThrows(IllegalArgumentException.class, () -> new SegmentRange(10, 9));
    }
}
