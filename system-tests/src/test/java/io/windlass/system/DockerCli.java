package io.windlass.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The {@code docker} CLI, so that tests check the engine independently of the agent's own
 * docker-java client: what the CLI shows is what an operator would see.
 */
public final class DockerCli {
    /** The engine's socket ({@code unix:///...}), or null for the machine's own engine. */
    private final String host;

    public DockerCli() {
        this(null);
    }

    /** The CLI of another engine, e.g. a compute host's ({@link EngineHost}). */
    public DockerCli(String host) {
        this.host = host;
    }

    /** Output and exit code of one CLI call. */
    public record Result(int exitCode, String stdout) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    public Result run(String... args) {
        List<String> command = new ArrayList<>(args.length + 1);
        command.add("docker");
        if (host != null) {
            command.addAll(List.of("-H", host));
        }
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            return new Result(process.exitValue(), out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }

    /** {@code docker inspect --format <format> <container>}; empty when there is no such container. */
    public Optional<String> inspect(String container, String format) {
        Result r = run("inspect", "--type", "container", "--format", format, container);
        return r.ok() ? Optional.of(r.stdout()) : Optional.empty();
    }

    public String inspectExisting(String container, String format) {
        return inspect(container, format)
                .orElseThrow(() -> new AssertionError("docker has no container " + container));
    }

    public boolean exists(String container) {
        return inspect(container, "{{.Id}}").isPresent();
    }

    /** Names of all containers, running or not, whose name contains {@code fragment}. */
    public List<String> namesContaining(String fragment) {
        Result r = run("ps", "-a", "--filter", "name=" + fragment, "--format", "{{.Names}}");
        return r.stdout().isBlank() ? List.of() : r.stdout().lines().toList();
    }

    /** Full IDs of all containers carrying {@code key=value}. */
    public List<String> idsWithLabel(String key, String value) {
        Result r = run("ps", "-aq", "--no-trunc", "--filter", "label=" + key + "=" + value);
        return r.stdout().isBlank() ? List.of() : r.stdout().lines().toList();
    }

    /** Full IDs of all containers that carry label {@code key}, with the label's value. */
    public Map<String, String> labelValues(String key) {
        Result r = run("ps", "-a", "--no-trunc", "--filter", "label=" + key,
                "--format", "{{.ID}} {{.Label \"" + key + "\"}}");
        Map<String, String> values = new HashMap<>();
        r.stdout().lines().filter(line -> line.contains(" "))
                .forEach(line -> values.put(line.substring(0, line.indexOf(' ')), line.substring(line.indexOf(' ') + 1)));
        return values;
    }

    public void removeForcibly(Collection<String> containers) {
        if (containers.isEmpty()) {
            return;
        }
        List<String> args = new ArrayList<>(List.of("rm", "-f"));
        args.addAll(containers);
        run(args.toArray(String[]::new));
    }
}
