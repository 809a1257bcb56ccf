package io.windlass.agent.testing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RoundTripsTest {
    private static final String BUSYBOX = """
            PING 198.19.250.11 (198.19.250.11): 56 data bytes
            64 bytes from 198.19.250.11: seq=0 ttl=64 time=0.402 ms
            64 bytes from 198.19.250.11: seq=1 ttl=64 time=0.118 ms
            64 bytes from 198.19.250.11: seq=3 ttl=64 time=0.205 ms

            --- 198.19.250.11 ping statistics ---
            4 packets transmitted, 3 packets received, 25% packet loss
            round-trip min/avg/max = 0.118/0.241/0.402 ms
            """;

    @Test
    void everyReplyIsASample() {
        RoundTrips trips = RoundTrips.parse(BUSYBOX);
        assertEquals(4, trips.sent());
        assertEquals(List.of(0.402, 0.118, 0.205), trips.samples());
        assertEquals(25.0, trips.lossPercent());
    }

    @Test
    void percentilesByNearestRank() {
        RoundTrips trips = RoundTrips.parse(BUSYBOX);
        assertEquals(0.205, trips.percentile(50));
        assertEquals(0.402, trips.percentile(99));
        assertEquals(0.118, trips.percentile(1));
        assertEquals(0.402, trips.plus(trips).percentile(100));
    }
}
