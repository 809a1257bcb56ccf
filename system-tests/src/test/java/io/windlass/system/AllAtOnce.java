package io.windlass.system;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs N tasks on N threads, released together by a latch so that they really overlap. */
public final class AllAtOnce {
    private AllAtOnce() {
    }

    /** A task given its number, 0 to N - 1. */
    public interface Task<T> {
        T run(int i) throws Exception;
    }

    /** @return the tasks' results, in the order of their numbers */
    public static <T> List<T> run(int n, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int number = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return task.run(number);
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
