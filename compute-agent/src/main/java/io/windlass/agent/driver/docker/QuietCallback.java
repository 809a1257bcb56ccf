package io.windlass.agent.driver.docker;

import com.github.dockerjava.api.async.ResultCallback;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A docker-java stream callback that keeps a stream failure for the caller instead of logging
 * it at ERROR: a missing container or an engine restart is an expected outcome here, which the
 * driver translates and the agent logs at the right level.
 */
class QuietCallback<T> extends ResultCallback.Adapter<T> {
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    @Override
    public void onError(Throwable throwable) {
        failure.compareAndSet(null, throwable);
        try {
            close();
        } catch (IOException e) {
            // the stream is broken already
        }
    }

    /** The stream's failure, or null. */
    Throwable failure() {
        return failure.get();
    }
}
