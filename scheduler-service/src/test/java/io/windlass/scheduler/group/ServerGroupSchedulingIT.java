package io.windlass.scheduler.group;

import io.quarkus.test.junit.QuarkusTest;
import io.windlass.rpc.RpcHandlerException;
import io.windlass.scheduler.MoveClaim;
import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.SchedulerRpcApi;
import io.windlass.scheduler.Selection;
import io.windlass.scheduler.host.ComputeHostRows;
import io.windlass.scheduler.selection.DestinationSelector;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Members of server groups placed through real claims: the group and its members as the api-service
 * writes them, the members' hosts from {@code allocations}. The test profile enables every filter.
 */
@QuarkusTest
class ServerGroupSchedulingIT {

    @Inject
    DestinationSelector selector;
    @Inject
    ComputeHostRows hosts;
    @Inject
    ServerGroupRows groups;

    @BeforeEach
    void threeEqualHosts() {
        groups.clear();
        hosts.clear();
        for (String h : List.of("h1", "h2", "h3")) {
            hosts.insert(h, 16, 16384, 100, 0);
        }
    }

    @Test
    void antiAffinityPutsEachMemberOnAHostOfItsOwn() {
        UUID group = groups.group("anti-affinity", null);
        Set<String> used = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            used.add(select(group, groups.member(group)));
        }
        assertEquals(Set.of("h1", "h2", "h3"), used);

        RpcHandlerException refused = assertThrows(RpcHandlerException.class,
                () -> select(group, groups.member(group)));
        assertEquals(SchedulerRpcApi.NO_VALID_HOST, refused.type());
        assertEquals("There are not enough hosts available. 3 hosts: ServerGroupAntiAffinityFilter removed 3 of 3",
                refused.getMessage());
    }

    @Test
    void maxServerPerHostLetsThatManyShareAHost() {
        UUID group = groups.group("anti-affinity", 2);
        Map<String, Integer> perHost = new HashMap<>();
        for (int i = 0; i < 6; i++) {
            perHost.merge(select(group, groups.member(group)), 1, Integer::sum);
        }
        assertEquals(Map.of("h1", 2, "h2", 2, "h3", 2), perHost);
        assertThrows(RpcHandlerException.class, () -> select(group, groups.member(group)));
    }

    @Test
    void affinityFollowsTheFirstMemberUntilItsHostIsFull() {
        UUID group = groups.group("affinity", null);
        String first = select(group, groups.member(group));
        // 4 GiB each: the first host takes four
        for (int i = 0; i < 3; i++) {
            assertEquals(first, select(group, groups.member(group), 4096));
        }
        RpcHandlerException full = assertThrows(RpcHandlerException.class,
                () -> select(group, groups.member(group), 4096));
        assertEquals("There are not enough hosts available. 3 hosts: ServerGroupAffinityFilter removed 2 of 3; "
                + "ResourceFilter removed 1 of 1", full.getMessage());
    }

    @Test
    void concurrentMembersOfAnAntiAffinityGroupNeverShareAHost() throws Exception {
        hosts.insert("h4", 16, 16384, 100, 0);
        UUID group = groups.group("anti-affinity", null);
        List<ResourceRequest> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            requests.add(request(group, groups.member(group), 256));
        }
        // equal hosts, equal views: without turns every decision picks the same first host
        List<String> placed = concurrently(requests);
        assertEquals(4, placed.size(), "one member per host, the other six refused: " + placed);
        assertEquals(4, new HashSet<>(placed).size(), placed.toString());
        assertEquals(4, (long) hosts.query("SELECT count(*) FROM allocations"));
    }

    @Test
    void concurrentMembersOfAnAffinityGroupAllLandWithTheFirst() throws Exception {
        UUID group = groups.group("affinity", null);
        List<ResourceRequest> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            requests.add(request(group, groups.member(group), 1024));
        }
        List<String> placed = concurrently(requests);
        assertEquals(8, placed.size());
        assertEquals(1, new HashSet<>(placed).size(), placed.toString());
    }

    @Test
    void softAffinityPrefersTheMembersHost() {
        // hosts of equal room: only the group tells them apart (the member's claim row leaves the counters)
        UUID together = groups.group("soft-affinity", null);
        groups.placed(groups.member(together), "h3");
        assertEquals("h3", select(together, groups.member(together)));
    }

    @Test
    void softAntiAffinityPrefersTheHostsWithFewerMembersWithoutRemovingAny() {
        UUID apart = groups.group("soft-anti-affinity", null);
        groups.placed(groups.member(apart), "h1");
        groups.placed(groups.member(apart), "h1");
        groups.placed(groups.member(apart), "h2");
        assertEquals("h3", select(apart, groups.member(apart)));
        // all hosts taken: still placed, on the one with the fewest
        assertEquals("h2", selectOnly(apart, List.of("h1", "h2")));
    }

    @Test
    void aRedeliveryKeepsItsHostAndAnEvacuationAvoidsTheOtherMembers() {
        UUID group = groups.group("anti-affinity", null);
        UUID a = groups.member(group);
        String aHost = select(group, a);
        assertEquals(aHost, select(group, a), "a member does not count against itself");
        UUID b = groups.member(group);
        String bHost = select(group, b);
        assertNotEquals(aHost, bHost);

        Selection moved = selector.move(new MoveClaim(request(group, a, 512), aHost));
        assertNotEquals(bHost, moved.host());
        assertNotEquals(aHost, moved.host());
    }

    @Test
    void aGroupThatIsGoneOrAContainersGroupHintConstrainsNothing() {
        UUID group = groups.group("anti-affinity", null);
        UUID member = groups.member(group);
        groups.placed(member, "h1");
        groups.placed(groups.member(group), "h2");
        groups.placed(groups.member(group), "h3");
        ResourceRequest container = new ResourceRequest(UUID.randomUUID().toString(), "container", "p1", 0.5, 256, 1,
                null, null, Map.of(), Map.of("group", List.of(group.toString())), Map.of());
        assertTrue(List.of("h1", "h2", "h3").contains(selector.select(container).host()));

        groups.delete(group);
        assertTrue(List.of("h1", "h2", "h3").contains(select(group, UUID.randomUUID())));
    }

    private String select(UUID group, UUID server) {
        return select(group, server, 512);
    }

    private String select(UUID group, UUID server, long memoryMb) {
        return selector.select(request(group, server, memoryMb)).host();
    }

    /** With the other hosts disabled. */
    private String selectOnly(UUID group, List<String> enabled) {
        hosts.execute("UPDATE compute_hosts SET disabled = NOT (host = ANY('{" + String.join(",", enabled) + "}'))");
        return select(group, groups.member(group));
    }

    private static ResourceRequest request(UUID group, UUID server, long memoryMb) {
        return new ResourceRequest(server.toString(), "server", "p1", 1, memoryMb, 1, null, null, Map.of(),
                Map.of("group", List.of(group.toString())), Map.of());
    }

    /** All at once from a pool, as concurrent conductors would ask; the hosts of those placed. */
    private List<String> concurrently(List<ResourceRequest> requests) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Selection>> results = new ArrayList<>();
        for (ResourceRequest request : requests) {
            results.add(pool.submit((Callable<Selection>) () -> {
                start.await();
                return selector.select(request);
            }));
        }
        start.countDown();
        List<String> placed = new ArrayList<>();
        for (Future<Selection> result : results) {
            try {
                placed.add(result.get().host());
            } catch (ExecutionException e) {
                RpcHandlerException error = assertInstanceOf(RpcHandlerException.class, e.getCause());
                assertEquals(SchedulerRpcApi.NO_VALID_HOST, error.type());
            }
        }
        pool.shutdown();
        return placed;
    }
}
