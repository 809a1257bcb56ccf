package io.windlass.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A compute host of a system test's own: a network namespace with its own dockerd, made and
 * removed by {@code deploy/local/engine-host}, the same steps as {@code deploy/local/up --hosts}.
 * Its state lives under {@code system-tests/target/st-hosts}, apart from a developer's {@code up}.
 *
 * @param number host number (1..250): namespace {@code wl-host-<n>}, link 198.18.n.0/30, bridge 198.19.n.1/24
 * @param name   the host's name, which its agent reports as
 * @param socket its engine, {@code unix:///...docker.sock}
 */
public record EngineHost(int number, String name, String socket) {

    static EngineHost start(Path root, int number) throws IOException {
        String out = engineHost(root, "start", number);
        String[] last = out.lines().reduce((a, b) -> b).orElse("").split(" ");
        if (last.length != 2) {
            throw new IllegalStateException("deploy/local/engine-host start " + number + " said: " + out);
        }
        return new EngineHost(number, last[0], last[1]);
    }

    void stop(Path root) throws IOException {
        DockerCli engine = docker();
        engine.removeForcibly(engine.run("ps", "-aq").stdout().lines().toList());
        engineHost(root, "stop", number);
    }

    /** Restarts this host's dockerd (stopped with SIGTERM, started again); with live-restore its containers keep running. */
    public void restartEngine(Path root) throws IOException {
        engineHost(root, "restart", number);
    }

    /** Takes the host's link down, as a failed switch port would: its agent loses the broker. */
    public void cutLink(Path root) throws IOException {
        engineHost(root, "cut", number);
    }

    public void restoreLink(Path root) throws IOException {
        engineHost(root, "restore", number);
    }

    /** The host's own address, where its agent listens. */
    public String address() {
        return "198.18." + number + ".2";
    }

    /** Where the host reaches the broker: the root end of its link, forwarded to RabbitMQ. */
    public String brokerAddress() {
        return "198.18." + number + ".1";
    }

    /** The docker CLI of this host's engine. */
    public DockerCli docker() {
        return new DockerCli(socket);
    }

    /** The address prefix of the host's bridge network: its containers' addresses start with it. */
    public String bridgePrefix() {
        return "198.19." + number + ".";
    }

    private static String engineHost(Path root, String command, int number) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(root.resolve("deploy/local/engine-host").toString(), command,
                String.valueOf(number)).redirectErrorStream(true);
        builder.environment().put("WINDLASS_STATE", root.resolve("system-tests/target/st-hosts").toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("deploy/local/engine-host " + command + " " + number + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return out;
    }
}
