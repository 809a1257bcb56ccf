package io.windlass.agent.network;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FloodEntriesTest {

    @Test
    void onlyAllZeroEntriesWithADestinationCount() {
        // as `bridge -j fdb show dev wlvx4242` prints it (iproute2 6.1): the bridge's own entry for
        // the port's MAC, and two flooding entries
        String json = """
                [{"mac":"4a:2b:9c:01:02:03","flags":[],"master":"wlbr4242","state":"permanent"},\
                {"mac":"00:00:00:00:00:00","dst":"198.18.232.2","flags":["self"],"state":"permanent"},\
                {"mac":"00:00:00:00:00:00","dst":"198.18.233.2","flags":["self"],"state":"permanent"},\
                {"mac":"fa:16:3e:00:00:0b","dst":"198.18.232.2","flags":["self"],"state":""}]
                """;
        assertEquals(List.of("198.18.232.2", "198.18.233.2"), FloodEntries.destinations(json));
    }

    @Test
    void noEntriesNoDestinations() {
        assertEquals(List.of(), FloodEntries.destinations("[]"));
        assertEquals(List.of(), FloodEntries.destinations(""));
    }
}
