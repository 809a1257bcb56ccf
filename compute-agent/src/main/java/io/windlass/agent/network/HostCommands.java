package io.windlass.agent.network;

import io.windlass.agent.driver.DriverException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Runs iproute2 and iptables commands ({@code ip}, {@code bridge}, {@code iptables}) on this host.
 * The agent runs as root inside the host's network namespace, so what they change is the host's; a
 * test in another namespace gives a prefix such as {@code nsenter --net=/run/netns/wl-host-231}.
 * Always an argument list, never a shell string: nothing from a request can become shell syntax
 * (what a command reads on its standard input, such as {@code iptables-restore}'s rules, is built
 * by the caller from checked values).
 */
public class HostCommands {
    private static final Logger LOG = Logger.getLogger(HostCommands.class);
    private static final Executor STREAMS = task -> Thread.ofVirtual().name("host-command-io").start(task);

    /** What a command printed and how it ended. */
    public record Result(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    private final List<String> prefix;
    private final Duration timeout;

    /**
     * @param prefix  put before every command (empty: run here); e.g. {@code nsenter --net=<netns path>}
     * @param timeout longest run of one command; iproute2 answers in milliseconds unless the host is in trouble
     */
    public HostCommands(List<String> prefix, Duration timeout) {
        this.prefix = List.copyOf(prefix);
        this.timeout = timeout;
    }

    /** Here, in the agent's own namespace. */
    public static HostCommands local() {
        return new HostCommands(List.of(), Duration.ofSeconds(10));
    }

    /** Runs the command and returns how it ended, whatever the exit code. */
    public Result run(List<String> command) {
        // nothing to say to it: an empty stdin, so nothing ever waits for input
        return run(command, "");
    }

    /**
     * Runs the command with {@code input} as its standard input (such as the rules text
     * {@code iptables-restore} reads) and returns how it ended, whatever the exit code.
     */
    public Result run(List<String> command, String input) {
        List<String> argv = new ArrayList<>(prefix);
        argv.addAll(command);
        LOG.debugf("running %s", argv);
        Process process;
        try {
            process = new ProcessBuilder(argv).start();
        } catch (IOException e) {
            throw new DriverException("Cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
        // written on a thread of its own: a command that stops reading must still meet the timeout below
        STREAMS.execute(() -> write(process, input));
        // both streams read concurrently (a full pipe would stall the command), on threads of their own:
        // the common pool may have a single worker on a small machine
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()), STREAMS);
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()), STREAMS);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new DriverException(String.join(" ", command) + " did not finish within " + timeout.toSeconds()
                        + " s");
            }
            return new Result(process.exitValue(), out.get(), err.get().strip());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DriverException("Interrupted while running " + String.join(" ", command), e);
        } catch (ExecutionException e) {
            throw new DriverException("Cannot read the output of " + String.join(" ", command), e);
        }
    }

    /** Runs the command; a non-zero exit is a {@link DriverException} carrying the command's own message. */
    public String runOrFail(List<String> command) {
        return runOrFail(command, "");
    }

    /** Runs the command with {@code input} as its standard input; a non-zero exit is a {@link DriverException}. */
    public String runOrFail(List<String> command, String input) {
        Result result = run(command, input);
        if (!result.ok()) {
            throw new DriverException(String.join(" ", command) + " failed (exit " + result.exitCode() + "): "
                    + result.stderr());
        }
        return result.stdout();
    }

    private static void write(Process process, String input) {
        try (OutputStream in = process.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the command ended (or closed its input) before reading it all: its exit code tells
            LOG.debugf("input not fully taken: %s", e.getMessage());
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
