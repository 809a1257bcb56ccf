package io.windlass.agent.driver.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import io.windlass.agent.console.ConsoleDriver;
import io.windlass.agent.console.StdinPipe;
import io.windlass.agent.container.NotInContainerException;
import io.windlass.agent.driver.DriverException;
import io.windlass.container.OpenConsole;
import io.windlass.container.ResizeContainerTty;
import org.jboss.logging.Logger;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Consoles on Docker, as Zun's proxy reaches them: an interactive exec instance started attached
 * with stdin and a terminal, the main process attached with stdin ({@code attach} with
 * {@code stream}), or the log followed. The streams run on a client without a read timeout (a
 * quiet terminal is not a dead one). The checks before a stream starts are synchronous, so that a
 * missing container or exec instance is the caller's answer rather than a stream that ends at once.
 */
final class DockerConsoles implements ConsoleDriver {
    private static final Logger LOG = Logger.getLogger(DockerConsoles.class);
    private static final int PID_POLLS = 20;
    private static final long PID_POLL_MILLIS = 100;

    private final DockerClient docker;
    private final DockerClient streams;
    private final DockerCalls calls;
    private final Function<String, String> engineName;

    /**
     * @param docker  for the checks and resizes
     * @param streams for the long-lived streams: no read timeout
     */
    DockerConsoles(DockerClient docker, DockerClient streams, DockerCalls calls, Function<String, String> engineName) {
        this.docker = docker;
        this.streams = streams;
        this.calls = calls;
        this.engineName = engineName;
    }

    @Override
    public Console open(OpenConsole request, ConsoleOutput output) {
        String name = engineName.apply(request.uuid());
        InspectContainerResponse container = calls.call("inspect", request.uuid(),
                () -> docker.inspectContainerCmd(name).exec());
        Relay relay = new Relay(output);
        StdinPipe stdin = new StdinPipe();
        switch (request.kind()) {
            case OpenConsole.EXEC -> {
                InspectExecResponse exec = execOf(container, request.execId());
                calls.run("exec start", request.uuid(), () -> streams.execStartCmd(exec.getId()).withDetach(false)
                        .withTty(true).withStdIn(stdin).exec(relay));
                // the process ends with its terminal: an EOF first, the engine's kill if it ignores it
                return relay.console(stdin, () -> endExec(request.execId(), stdin));
            }
            case OpenConsole.ATTACH -> {
                if (!Boolean.TRUE.equals(container.getConfig().getStdinOpen())) {
                    throw new DriverException("The container's stdin is not open: it was not made interactive");
                }
                calls.run("attach", request.uuid(), () -> streams.attachContainerCmd(name).withStdIn(stdin)
                        .withStdOut(true).withStdErr(true).withFollowStream(true).withLogs(false).exec(relay));
                // the main process outlives its attach: its stdin is left open
                return relay.console(stdin, () -> { });
            }
            case OpenConsole.LOGS -> {
                OpenConsole.LogFollow f = request.logs();
                calls.run("logs", request.uuid(), () -> DockerLogs.filtered(
                        streams.logContainerCmd(name).withFollowStream(true),
                        f.stdout(), f.stderr(), f.timestamps(), f.tail(), f.since()).exec(relay));
                return relay.console(null, () -> { });
            }
            default -> throw new NotInContainerException("no such console kind: " + request.kind());
        }
    }

    @Override
    public int endOrphans() {
        int ended = 0;
        for (Container c : docker.listContainersCmd().withLabelFilter(List.of(DockerLabels.MANAGED)).exec()) {
            List<String> execs = docker.inspectContainerCmd(c.getId()).exec().getExecIds();
            for (String execId : execs == null ? List.<String>of() : execs) {
                InspectExecResponse exec = docker.inspectExecCmd(execId).exec();
                if (Boolean.TRUE.equals(exec.isRunning()) && Boolean.TRUE.equals(exec.isOpenStdin())
                        && exec.getProcessConfig() != null && Boolean.TRUE.equals(exec.getProcessConfig().isTty())
                        && hasPid(exec)) {
                    LOG.infof("ending exec %s of %s: its console's agent went without ending it", execId,
                            c.getNames().length > 0 ? c.getNames()[0] : c.getId());
                    kill(execId, exec.getPidLong());
                    ended++;
                }
            }
        }
        return ended;
    }

    @Override
    public void resizeTty(ResizeContainerTty request) {
        calls.run("resize", request.uuid(), () -> docker.resizeContainerCmd(engineName.apply(request.uuid()))
                .withSize(request.height(), request.width()).exec());
    }

    /** An exec instance of another container is refused as if there were none (as the resize refuses it). */
    private InspectExecResponse execOf(InspectContainerResponse container, String execId) {
        InspectExecResponse exec = calls.call("exec inspect", null, () -> {
            try {
                return docker.inspectExecCmd(execId).exec();
            } catch (NotFoundException e) {
                throw new NotInContainerException("no such exec instance: " + DockerCalls.engineMessage(e));
            }
        });
        if (!container.getId().equals(exec.getContainerID())) {
            throw new NotInContainerException("no such exec instance: No such exec instance: " + execId);
        }
        return exec;
    }

    /**
     * An exec's process still running once its session is over is ended: SIGHUP's stand-in, SIGTERM,
     * then SIGKILL. The engine has no kill for an exec; the agent sees the engine's processes (it
     * runs beside dockerd), so the process is signalled by its host pid.
     */
    private void endExec(String execId, StdinPipe stdin) {
        stdin.close();
        try {
            // the engine reports an exec running a moment before it knows its pid
            InspectExecResponse exec = docker.inspectExecCmd(execId).exec();
            for (int i = 0; i < PID_POLLS && Boolean.TRUE.equals(exec.isRunning()) && !hasPid(exec); i++) {
                Thread.sleep(PID_POLL_MILLIS);
                exec = docker.inspectExecCmd(execId).exec();
            }
            if (!Boolean.TRUE.equals(exec.isRunning()) || !hasPid(exec)) {
                return;
            }
            kill(execId, exec.getPidLong());
        } catch (RuntimeException e) {
            LOG.infof("exec %s after its console: %s", execId, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, then SIGKILL if it is still there 2 s later. */
    private static void kill(String execId, long pid) {
        ProcessHandle.of(pid).ifPresentOrElse(p -> {
            LOG.debugf("exec %s outlived its console: ending pid %d", execId, pid);
            p.destroy();
            p.onExit().orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> {
                p.destroyForcibly();
                return p;
            });
        }, () -> LOG.infof("exec %s outlived its console, and its pid %d is not visible to the agent", execId, pid));
    }

    private static boolean hasPid(InspectExecResponse exec) {
        return exec.getPidLong() != null && exec.getPidLong() > 0;
    }

    /** The engine stream's frames to the session; its end (the process exited, the log ended) ends the session. */
    private static final class Relay extends ResultCallback.Adapter<Frame> {
        private final ConsoleOutput output;
        private final AtomicBoolean over = new AtomicBoolean();

        Relay(ConsoleOutput output) {
            this.output = output;
        }

        @Override
        public void onNext(Frame frame) {
            output.write(frame.getPayload());
        }

        @Override
        public void onError(Throwable throwable) {
            finish("the engine stream failed: " + throwable.getMessage());
        }

        @Override
        public void onComplete() {
            finish("the process exited");
        }

        private void finish(String reason) {
            if (over.compareAndSet(false, true)) {
                output.ended(reason);
            }
            closeQuietly(this);
        }

        Console console(StdinPipe stdin, Runnable afterwards) {
            AtomicBoolean closed = new AtomicBoolean();
            return new Console() {
                @Override
                public void write(byte[] bytes) {
                    if (stdin != null) {
                        stdin.offer(bytes);
                    }
                }

                @Override
                public void close() {
                    if (closed.compareAndSet(false, true)) {
                        // the session is over: its end is not the engine's to report again
                        over.set(true);
                        afterwards.run();
                        if (stdin != null) {
                            stdin.close();
                        }
                        closeQuietly(Relay.this);
                    }
                }
            };
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException e) {
            // the stream is gone already
        }
    }
}
