package io.windlass.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code openstack} command-line client (Debian's python3-openstackclient with the
 * zun and nova plug-ins), run the way a user runs it after sourcing an openrc: the process
 * environment is emptied and holds only PATH, HOME, LANG and the {@code OS_*} variables, so
 * nothing from the test JVM's environment can make a check pass by accident.
 */
public final class OpenStackCli {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 120;
    /** Between keys typed into an interactive command: a person's pace, and each its own read. */
    private static final long TYPING_PAUSE_MILLIS = 500;
    /**
     * A command's output streams are each read on a thread of their own: the readers block until the
     * command ends. In the common pool (one thread on two cores) the stderr reader held its only
     * thread, so an interactive command's stdout was not read before it ended.
     */
    private static final Executor READERS = task -> Thread.ofVirtual().name("openstack-cli-reader").start(task);

    private final Map<String, String> osEnvironment;
    private final Path home;

    /** Output and exit code of one command. */
    public record Result(List<String> command, int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }

        /** Stdout as JSON; fails with the whole result when the command failed or printed no JSON. */
        public JsonNode json() {
            if (!ok()) {
                throw new AssertionError(this.toString());
            }
            try {
                return JSON.readTree(stdout);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON: " + this, e);
            }
        }

        @Override
        public String toString() {
            return String.join(" ", command) + " exited " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr;
        }
    }

    /** {@code authUrl} is OS_AUTH_URL; the rest is the openrc that {@code deploy/local/up} writes. */
    public OpenStackCli(String authUrl, Credentials credentials, Path home) {
        this.osEnvironment = Map.of(
                "OS_AUTH_URL", authUrl,
                "OS_USERNAME", credentials.user(),
                "OS_PASSWORD", credentials.password(),
                "OS_PROJECT_NAME", credentials.project(),
                "OS_USER_DOMAIN_NAME", "Default",
                "OS_PROJECT_DOMAIN_NAME", "Default",
                "OS_IDENTITY_API_VERSION", "3",
                "OS_REGION_NAME", "RegionOne");
        this.home = home;
    }

    /** The same user against another OS_AUTH_URL. */
    public OpenStackCli withAuthUrl(String authUrl) {
        return new OpenStackCli(authUrl, new Credentials(osEnvironment.get("OS_USERNAME"),
                osEnvironment.get("OS_PASSWORD"), osEnvironment.get("OS_PROJECT_NAME")), home);
    }

    public Result run(String... args) {
        List<String> command = new ArrayList<>(args.length + 1);
        command.add("openstack");
        command.addAll(List.of(args));
        try {
            Process process = start(command);
            // both streams are read concurrently, so a chatty stderr cannot block the client
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()), READERS);
            String out = read(process.getInputStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out after " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
            }
            return new Result(command, process.exitValue(), out.strip(), err.get().strip());
        } catch (IOException e) {
            throw new IllegalStateException("cannot run openstack (install python3-openstackclient, "
                    + "python3-zunclient, python3-novaclient; deploy/local/test does): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read stderr of " + String.join(" ", command), e);
        }
    }

    /** The command started as a user's shell starts it after sourcing the openrc. */
    private Process start(List<String> command) throws IOException {
        Files.createDirectories(home);
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", home.toString());
        env.put("LANG", "C.UTF-8");
        env.put("TERM", "xterm");
        env.putAll(osEnvironment);
        return builder.start();
    }

    /**
     * Runs an interactive command on a pseudo-terminal (util-linux {@code script}), as a user at a
     * terminal runs {@code appcontainer exec --interactive} or {@code attach}: once it printed
     * {@code ready}, each of {@code typed} is typed in turn, a moment apart, and the command must
     * then end by itself (the remote process exited). Its output is what the terminal showed.
     */
    public Result inTerminal(String ready, List<String> typed, String... args) {
        StringBuilder line = new StringBuilder("openstack");
        for (String arg : args) {
            line.append(" '").append(arg.replace("'", "'\\''")).append('\'');
        }
        List<String> command = List.of("script", "-q", "-e", "-c", line.toString(), "/dev/null");
        try {
            Process process = start(command);
            StringBuffer shown = new StringBuffer();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()), READERS);
            CompletableFuture<Void> out = CompletableFuture.runAsync(() -> copy(process.getInputStream(), shown), READERS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (shown.indexOf(ready) < 0 && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            try (var stdin = process.getOutputStream()) {
                for (String keys : typed) {
                    Thread.sleep(TYPING_PAUSE_MILLIS);
                    stdin.write(keys.getBytes(StandardCharsets.UTF_8));
                    stdin.flush();
                }
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("timed out after " + TIMEOUT_SECONDS + " s: " + line + "\n" + shown);
                }
            }
            out.get(10, TimeUnit.SECONDS);
            return new Result(command, process.exitValue(), shown.toString(), err.get().strip());
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + line, e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot read the output of " + line, e);
        }
    }

    private static void copy(InputStream in, StringBuffer to) {
        byte[] buffer = new byte[4096];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                to.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Runs the command and returns its JSON output; fails the test on a non-zero exit. */
    public JsonNode json(String... args) {
        return run(args).json();
    }

    /** Runs the command and fails the test on a non-zero exit. */
    public Result ok(String... args) {
        Result result = run(args);
        if (!result.ok()) {
            throw new AssertionError(result.toString());
        }
        return result;
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
