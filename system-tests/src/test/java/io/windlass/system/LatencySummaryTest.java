package io.windlass.system;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LatencySummaryTest {

    @Test
    void twentySamplesGiveTheTenthAndNineteenthSmallest() {
        // 20..1 ms, unordered on purpose
        List<Duration> samples = IntStream.rangeClosed(1, 20).map(i -> 21 - i)
                .mapToObj(Duration::ofMillis).toList();

        LatencySummary summary = LatencySummary.of(samples);

        assertEquals(20, summary.count());
        assertEquals(Duration.ofMillis(10), summary.median());
        assertEquals(Duration.ofMillis(19), summary.p95());
    }

    @Test
    void singleSampleIsEveryPercentile() {
        LatencySummary summary = LatencySummary.of(List.of(Duration.ofMillis(7)));

        assertEquals(Duration.ofMillis(7), summary.median());
        assertEquals(Duration.ofMillis(7), summary.p95());
    }

    @Test
    void noSamplesIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> LatencySummary.of(List.of()));
    }
}
