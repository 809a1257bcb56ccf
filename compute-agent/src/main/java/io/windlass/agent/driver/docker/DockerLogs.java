package io.windlass.agent.driver.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.LogContainerCmd;
import com.github.dockerjava.api.model.Frame;
import io.windlass.agent.driver.DriverException;
import io.windlass.workload.WorkloadLog;
import io.windlass.workload.WorkloadLogs;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Reads an engine container's log ({@code GET /containers/{name}/logs}, never followed) for every
 * kind that has one. The engine multiplexes stdout and stderr into frames, each behind an 8-byte
 * header naming its stream (a TTY container's log is one raw stream instead); docker-java's frame
 * reader takes the headers off, and the payloads are joined in the order the engine sent them,
 * which is the order they were logged. The engine itself filters the streams and applies tail,
 * since and timestamps, so only what is asked for crosses the socket.
 */
final class DockerLogs {
    /**
     * The most one answer carries: the end of a longer log (as much as virtlogd keeps of a
     * guest's console by default), well under the broker's message limit once JSON-escaped.
     */
    static final int MAX_BYTES = 2 << 20;
    /** As long as its caller waits by default ({@code windlass.rpc.call-timeout}). */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final DockerClient docker;
    private final DockerCalls calls;
    private final Duration timeout;

    /**
     * @param calls   the kind's call wrapper, so a missing engine container names the workload
     * @param timeout longest wait for the engine to send the whole log
     */
    DockerLogs(DockerClient docker, DockerCalls calls, Duration timeout) {
        this.docker = docker;
        this.calls = calls;
        this.timeout = timeout;
    }

    /** Zun's log filters on an engine log command (a read, or a followed log's start). */
    static LogContainerCmd filtered(LogContainerCmd cmd, boolean stdout, boolean stderr, boolean timestamps,
                                    Integer tail, Long since) {
        LogContainerCmd c = cmd.withStdOut(stdout).withStdErr(stderr).withTimestamps(timestamps);
        c = tail == null ? c.withTailAll() : c.withTail(tail);
        if (since != null) {
            // the engine's since is whole seconds; past 2038 nothing is logged yet anyway
            c = c.withSince((int) Math.min(since, Integer.MAX_VALUE));
        }
        return c;
    }

    /** @param engineName the engine container that is the workload of {@code request} */
    WorkloadLog read(String engineName, WorkloadLogs request) {
        return calls.call("logs", request.uuid(), () -> {
            LogContainerCmd cmd = filtered(docker.logContainerCmd(engineName).withFollowStream(false),
                    request.stdout(), request.stderr(), request.timestamps(), request.tail(), request.since());
            BoundedLog log = new BoundedLog(MAX_BYTES);
            var callback = cmd.exec(new QuietCallback<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    log.append(frame.getPayload());
                }
            });
            try {
                if (!callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    callback.close();
                    throw new DriverException("The engine did not send the log within " + timeout.toSeconds() + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DriverException("Interrupted while reading the log", e);
            } catch (IOException e) {
                throw new DriverException("Reading the log failed: " + e.getMessage(), e);
            }
            if (callback.failure() instanceof RuntimeException e) {
                // DockerCalls turns the engine's "no such container" into the workload's not-found
                throw e;
            }
            if (callback.failure() != null) {
                throw new DriverException("Reading the log failed: " + callback.failure().getMessage(),
                        callback.failure());
            }
            return log.toLog();
        });
    }
}
