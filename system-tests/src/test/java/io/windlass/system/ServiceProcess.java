package io.windlass.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One service started from its {@code quarkus-run.jar}, with stdout and stderr in a log file. */
public final class ServiceProcess {
    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final WindlassService service;
    private final Process process;
    private final Path logFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceProcess(WindlassService service, Process process, Path logFile) {
        this.service = service;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts {@code java <systemProperties> -jar <jar>}; system properties take precedence over
     * the service's application.properties, so they carry everything that makes the run unique.
     */
    public static ServiceProcess start(WindlassService service, Path java, Path jar, List<String> systemProperties,
                                       Path logFile) throws IOException {
        return start(service, List.of(), java, jar, systemProperties, logFile);
    }

    /**
     * @param launcher what runs the JVM, e.g. {@code nsenter --net=/run/netns/wl-host-1} for an agent
     *                 inside its host's namespace; it must exec the JVM, so that the pid is the service's
     */
    public static ServiceProcess start(WindlassService service, List<String> launcher, Path java, Path jar,
                                       List<String> systemProperties, Path logFile) throws IOException {
        Files.createDirectories(logFile.getParent());
        List<String> command = new ArrayList<>(launcher);
        command.add(java.toString());
        command.addAll(systemProperties);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(logFile.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        // as every deployment sets it (deploy/jvm.options says why)
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        Process process = builder.start();
        return new ServiceProcess(service, process, logFile);
    }

    public WindlassService service() {
        return service;
    }

    public Path logFile() {
        return logFile;
    }

    public long pid() {
        return process.pid();
    }

    /** Polls {@code /q/health/ready}; fails early, with the log's tail, if the process dies. */
    public void awaitReady(Duration timeout) {
        awaitReady(timeout, service.port());
    }

    /** For a replica started on a port other than the service's usual one. */
    public void awaitReady(Duration timeout, int port) {
        awaitReady(timeout, "127.0.0.1", port);
    }

    /** For a service listening on another address, e.g. an agent inside its host's namespace. */
    public void awaitReady(Duration timeout, String address, int port) {
        URI ready = URI.create("http://" + address + ":" + port + "/q/health/ready");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.module() + " exited with " + process.exitValue()
                        + " during start-up; last log lines:\n" + logTail(40));
            }
            if (isReady(ready)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(service.module() + " not ready after " + timeout
                        + "; last log lines:\n" + logTail(40));
            }
            Poller.pause(Duration.ofMillis(200));
        }
    }

    /** One look at {@code /q/health/ready} on the service's port; fails, with the log's tail, if the process died. */
    public boolean probeReady() {
        if (!process.isAlive()) {
            throw new IllegalStateException(service.module() + " exited with " + process.exitValue()
                    + " during start-up; last log lines:\n" + logTail(40));
        }
        return isReady(URI.create("http://127.0.0.1:" + service.port() + "/q/health/ready"));
    }

    private boolean isReady(URI ready) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + service.module(), e);
        }
    }

    /** SIGKILL, as a crash or an OOM killer would: no shutdown hook runs, nothing in flight is finished. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM first so the service shuts down as in production; SIGKILL after a grace period. */
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Quarkus' own "started in X s" figure, empty until the service has logged it. */
    public OptionalDouble startupSeconds() {
        Matcher m = STARTED_IN.matcher(readLog());
        return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
    }

    /**
     * Resident set size of a process on this host, from /proc (Linux only): a service's own
     * {@link #pid()}, or the JVM inside its container ({@link ServiceImages#jvmPid}).
     */
    public static OptionalLong residentKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("\\D", "")));
                }
            }
        } catch (IOException e) {
            // the process is gone; there is no figure to give
        }
        return OptionalLong.empty();
    }

    public String readLog() {
        try {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private String logTail(int lines) {
        List<String> all = readLog().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
