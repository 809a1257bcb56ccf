package io.windlass.agent.workload;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises operations on one workload (a delete arriving while its create still runs must
 * wait, as Nova's per-instance lock does), while different workloads proceed in parallel.
 * Striped: a fixed set of locks chosen by uuid hash, so nothing needs cleaning up.
 */
public class WorkloadLocks {
    private static final int STRIPES = 64;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    public WorkloadLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /**
     * Runs {@code work} only if nothing holds the uuid's lock now (background reporters must not
     * wait out a long operation; they try again later).
     *
     * @return whether it ran
     */
    public boolean tryWithLock(String uuid, Runnable work) {
        ReentrantLock lock = locks[Math.floorMod(uuid.hashCode(), STRIPES)];
        if (!lock.tryLock()) {
            return false;
        }
        try {
            work.run();
            return true;
        } finally {
            lock.unlock();
        }
    }

    public <T> T withLock(String uuid, Supplier<T> work) {
        ReentrantLock lock = locks[Math.floorMod(uuid.hashCode(), STRIPES)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
