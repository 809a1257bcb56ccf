package io.windlass.agent.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import io.windlass.agent.driver.docker.DockerClientFactory;
import io.windlass.agent.network.DockerNetworks;
import io.windlass.agent.network.EngineNetworks;
import io.windlass.agent.network.HostCommands;
import io.windlass.network.NetworkBinding;
import io.windlass.agent.network.PortAttachment;
import io.windlass.agent.network.PortFilters;
import io.windlass.network.PortSpec;
import io.windlass.agent.network.TenantBridgeGuard;
import io.windlass.agent.network.VxlanDevices;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A compute host of a test's own, made by {@code deploy/local/engine-host} exactly as {@code up
 * --hosts} makes one (namespace {@code wl-host-<n>}, link, dockerd, busybox, underlay route), with
 * the data plane as its agent would drive it: the agent runs inside the namespace, the test does
 * not, so the host's iproute2 commands go through {@code nsenter --net}.
 */
public final class ScriptedEngineHost implements AutoCloseable {
    private static final Path SCRIPT = Path.of("..", "deploy", "local", "engine-host").toAbsolutePath().normalize();

    private final int number;
    private final Path state;
    private final DockerClient docker;
    private final HostCommands commands;

    private ScriptedEngineHost(int number, Path state, String socket) {
        this.number = number;
        this.state = state;
        this.docker = DockerClientFactory.create(socket, Duration.ofSeconds(60));
        this.commands = new HostCommands(List.of("nsenter", "--net=/run/netns/wl-host-" + number),
                Duration.ofSeconds(10));
    }

    /** Makes host {@code number} (idempotent), keeping its state under {@code state}. */
    public static ScriptedEngineHost start(int number, Path state) {
        String out;
        try {
            out = script(state, "start", number);
        } catch (RuntimeException e) {
            // a start that failed halfway may have made the namespace: leave nothing behind
            try {
                script(state, "stop", number);
            } catch (RuntimeException stop) {
                e.addSuppressed(stop);
            }
            throw e;
        }
        String[] last = out.lines().reduce((x, y) -> y).orElse("").split(" ");
        if (last.length != 2) {
            throw new IllegalStateException("engine-host start " + number + " said: " + out);
        }
        return new ScriptedEngineHost(number, state, last[1]);
    }

    /** Restarts the host's dockerd only (live-restore: its containers keep running), as an engine upgrade does. */
    public void restartEngine() {
        script(state, "restart", number);
    }

    /** This host's underlay address (the host end of its link). */
    public String underlayAddress() {
        return "198.18." + number + ".2";
    }

    public DockerClient docker() {
        return docker;
    }

    /** iproute2 inside the host's namespace. */
    public HostCommands commands() {
        return commands;
    }

    /** The data plane of this host, as its agent would build it with the given underlay address, without port filters. */
    public EngineNetworks networks(Optional<String> underlay) {
        return networks(underlay, request -> {
        });
    }

    /** The same, with the host's port filters (put back in front after a network is made). */
    public EngineNetworks networks(Optional<String> underlay, PortFilters filters) {
        return new EngineNetworks(new DockerNetworks(docker), new VxlanDevices(commands),
                new TenantBridgeGuard(commands), underlay, filters);
    }

    /**
     * Creates and starts a busybox container (sleeping) on {@code port}, the way the agent's create
     * will: the network ensured and the container made under its lock; a container of that name
     * from an earlier run goes first.
     *
     * @return the engine's container id
     */
    public String runOnPort(EngineNetworks networks, NetworkBinding binding, PortSpec port, String name,
                            Map<String, String> labels, HostConfig hostConfig) {
        docker.listContainersCmd().withShowAll(true).withNameFilter(List.of(name)).exec()
                .forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
        CreateContainerCmd cmd = docker.createContainerCmd("busybox:latest").withName(name)
                .withCmd("sleep", "3600").withLabels(labels).withHostConfig(hostConfig);
        String id = networks.attaching(binding, port.mac(), network -> PortAttachment.attach(cmd, port).exec().getId());
        docker.startContainerCmd(id).exec();
        return id;
    }

    /** Runs a command in a running container; returns its exit code and output. */
    public HostCommands.Result exec(String containerId, String... command) {
        String execId = docker.execCreateCmd(containerId).withCmd(command).withAttachStdout(true)
                .withAttachStderr(true).exec().getId();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var callback = docker.execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                out.writeBytes(frame.getPayload());
            }
        })) {
            if (!callback.awaitCompletion(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        InspectExecResponse done = docker.inspectExecCmd(execId).exec();
        String text = out.toString(StandardCharsets.UTF_8);
        return new HostCommands.Result(done.getExitCodeLong() == null ? -1 : done.getExitCodeLong().intValue(), text,
                text);
    }

    /** Removes the host: its engine (and every container), its namespace, and the underlay forwarding if it was the last host. */
    @Override
    public void close() throws IOException {
        try {
            docker.close();
        } finally {
            script(state, "stop", number);
        }
    }

    private static String script(Path state, String command, int number) {
        ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString(), command, String.valueOf(number))
                .redirectErrorStream(true);
        builder.environment().put("WINDLASS_STATE", state.toString());
        try {
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("engine-host " + command + " " + number + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + SCRIPT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
