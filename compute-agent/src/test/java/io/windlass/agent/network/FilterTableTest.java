package io.windlass.agent.network;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FilterTableTest {

    @Test
    void windlassChainsAndTheJumpAreReadFromTheListing() {
        FilterTable table = FilterTable.parse("""
                -P INPUT ACCEPT
                -P FORWARD DROP
                -P OUTPUT ACCEPT
                -N DOCKER
                -N DOCKER-USER
                -N wlsg-3f2a9c104a614c1c9e26
                -N wlsg-ingress
                -A INPUT -i wlbr+ -j DROP
                -A FORWARD -j wlsg-ingress
                -A FORWARD -j DOCKER-USER
                -A FORWARD -i wlbr4242 -o wlbr4242 -j ACCEPT
                -A wlsg-ingress -d 198.19.250.10/32 -o wlbr4242 -j wlsg-3f2a9c104a614c1c9e26
                """);
        assertEquals(List.of("wlsg-3f2a9c104a614c1c9e26", "wlsg-ingress"), table.chains());
        assertEquals(1, table.dispatchJumps());
        assertTrue(table.dispatchFirst());
        assertTrue(table.dispatchInPlace());
    }

    @Test
    void aJumpBehindTheEnginesRulesIsNotInPlace() {
        // the engine inserts its ACCEPT for a new network first in FORWARD
        FilterTable table = FilterTable.parse("""
                -N wlsg-ingress
                -A FORWARD -i wlbr4243 -o wlbr4243 -j ACCEPT
                -A FORWARD -j wlsg-ingress
                """);
        assertEquals(1, table.dispatchJumps());
        assertFalse(table.dispatchFirst());
        assertFalse(table.dispatchInPlace());
    }

    @Test
    void twoJumpsAreNotInPlaceEither() {
        FilterTable table = FilterTable.parse("""
                -N wlsg-ingress
                -A FORWARD -j wlsg-ingress
                -A FORWARD -j wlsg-ingress
                """);
        assertEquals(2, table.dispatchJumps());
        assertFalse(table.dispatchInPlace());
    }

    @Test
    void aHostWithoutFilteringIsEmpty() {
        FilterTable table = FilterTable.parse("""
                -P FORWARD ACCEPT
                -N DOCKER
                -A FORWARD -o docker0 -j DOCKER
                """);
        assertTrue(table.isEmpty());
        assertEquals(FilterTable.EMPTY, table);
    }
}
