package io.windlass.watch;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class WatchRoutesTest {
    private static final List<String> YES = List.of("true");

    @Test
    void listsAndShowsOfTheThreeFamiliesAreWatched() {
        assertEquals("/container/v1/watch/containers", WatchRoutes.watchPath("/container/v1/containers", YES));
        assertEquals("/container/v1/watch/containers", WatchRoutes.watchPath("/container/v1/containers/", YES));
        assertEquals("/container/v1/watch/capsules/c1", WatchRoutes.watchPath("/container/v1/capsules/c1", YES));
        assertEquals("/compute/v2.1/watch/servers", WatchRoutes.watchPath("/compute/v2.1/servers", YES));
        assertEquals("/compute/v2.1/watch/servers/detail",
                WatchRoutes.watchPath("/compute/v2.1/servers/detail", YES));
        assertEquals("/compute/v2.1/watch/servers/s1", WatchRoutes.watchPath("/compute/v2.1/servers/s1", List.of("1")));
        // a container may be named "detail"
        assertEquals("/container/v1/watch/containers/detail",
                WatchRoutes.watchPath("/container/v1/containers/detail", YES));
    }

    @Test
    void anythingElseIsLeftAlone() {
        assertNull(WatchRoutes.watchPath("/container/v1/containers", null));
        assertNull(WatchRoutes.watchPath("/container/v1/containers", List.of("false")));
        assertNull(WatchRoutes.watchPath("/container/v1/containers", List.of("maybe")));
        assertNull(WatchRoutes.watchPath("/container/v1/containers", List.of("true", "true")));
        assertNull(WatchRoutes.watchPath("/container/v1/containers/c1/logs", YES));
        assertNull(WatchRoutes.watchPath("/container/v1/servers", YES));
        assertNull(WatchRoutes.watchPath("/compute/v2.1/containers", YES));
        assertNull(WatchRoutes.watchPath("/compute/v2.1/flavors", YES));
    }
}
