package io.windlass.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScrapedMetricsTest {
    private static final String SCRAPE = """
            # HELP windlass_rpc_client_sent_total RPC messages published
            # TYPE windlass_rpc_client_sent_total counter
            windlass_rpc_client_sent_total{method="build_container",mode="cast",topic="conductor"} 5.0
            windlass_rpc_client_sent_total{method="container_stats",mode="call",topic="compute"} 2.0
            http_server_requests_seconds_bucket{family="container",uri="/a,{b}",le="0.05"} 3.0
            process_uptime_seconds 12.5
            windlass_odd{reason="a \\"quoted\\" word"} 1.0 1700000000
            """;

    @Test
    void samplesAreFoundByNameAndAnySubsetOfTheirLabels() {
        ScrapedMetrics metrics = ScrapedMetrics.parse(SCRAPE);

        assertEquals(7.0, metrics.sum("windlass_rpc_client_sent_total"));
        assertEquals(5.0, metrics.sum("windlass_rpc_client_sent_total", "method", "build_container", "mode", "cast"));
        assertEquals(0.0, metrics.sum("windlass_rpc_client_sent_total", "method", "nothing"));
        assertEquals(3.0, metrics.sum("http_server_requests_seconds_bucket", "uri", "/a,{b}", "le", "0.05"));
        assertEquals(12.5, metrics.sum("process_uptime_seconds"));
        assertEquals(1.0, metrics.sum("windlass_odd", "reason", "a \"quoted\" word"));
    }

    @Test
    void anIncreaseIsMeasuredFromAnEarlierScrapeWhereTheSeriesMayNotHaveExisted() {
        ScrapedMetrics earlier = ScrapedMetrics.parse("process_uptime_seconds 1.0\n");
        ScrapedMetrics later = ScrapedMetrics.parse(SCRAPE);

        assertEquals(5.0, later.increaseSince(earlier, "windlass_rpc_client_sent_total", "mode", "cast"));
        assertEquals(11.5, later.increaseSince(earlier, "process_uptime_seconds"));
    }
}
