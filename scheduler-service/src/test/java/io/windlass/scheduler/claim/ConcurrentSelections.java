package io.windlass.scheduler.claim;

import io.windlass.rpc.RpcHandlerException;
import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.SchedulerRpcApi;
import io.windlass.scheduler.Selection;
import io.windlass.scheduler.selection.DestinationSelector;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Fires requests at the selector all at once from a pool, as concurrent conductors would. */
final class ConcurrentSelections {

    /** How the requests ended; anything but a selection or NoValidHost fails the test. */
    record Outcomes(int claimed, int noValidHost) {
    }

    private ConcurrentSelections() {
    }

    static Outcomes select(DestinationSelector selector, List<ResourceRequest> requests, int threads)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Selection>> results = new ArrayList<>();
        for (ResourceRequest request : requests) {
            results.add(pool.submit((Callable<Selection>) () -> {
                start.await();
                return selector.select(request);
            }));
        }
        start.countDown();
        int claimed = 0;
        int refused = 0;
        for (Future<Selection> result : results) {
            try {
                result.get();
                claimed++;
            } catch (ExecutionException e) {
                RpcHandlerException error = assertInstanceOf(RpcHandlerException.class, e.getCause(),
                        () -> "a selection failed otherwise than with NoValidHost: " + e.getCause());
                assertEquals(SchedulerRpcApi.NO_VALID_HOST, error.type());
                refused++;
            }
        }
        pool.shutdown();
        return new Outcomes(claimed, refused);
    }
}
