package io.windlass.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The services run from their container images ({@code deploy/images/build}) instead of their
 * jars, when a run sets {@code -Dwindlass.st.images=<tag>}: the same JVM arguments, given to
 * {@code docker run} on the host's network (the services reach PostgreSQL and RabbitMQ at
 * 127.0.0.1 and the tests reach them on their usual ports). The agent also gets the host's engine
 * socket, the capabilities its network devices and port filters need (NET_ADMIN, NET_RAW: no more), and
 * the config-drive directory
 * at the path the engine bind-mounts it from.
 *
 * @param tag the images' tag, {@code windlass/<module>:<tag>}
 */
public record ServiceImages(String tag) {
    /** The image's runtime, on its PATH. */
    public static final Path JAVA = Path.of("java");
    public static final Path JAR = Path.of("/opt/windlass/quarkus-run.jar");
    /** The image's copy of deploy/jvm.options (deploy/images/build). */
    public static final Path JVM_OPTIONS = Path.of("/opt/windlass/jvm.options");
    /** The image's copy of its service's deploy/jvm/<module>.options. */
    public static final Path SERVICE_OPTIONS = Path.of("/opt/windlass/service.options");
    private static final String CONFIG_DRIVES = "/var/lib/windlass";

    /** The images named by {@code -Dwindlass.st.images}, if the run asks for them. */
    public static Optional<ServiceImages> requested() {
        String tag = System.getProperty("windlass.st.images", "");
        return tag.isBlank() ? Optional.empty() : Optional.of(new ServiceImages(tag.strip()));
    }

    /**
     * {@code docker run} in the foreground, so that the test's process is the container's: its output
     * is the log, and the SIGTERM of a stop reaches the service (the CLI passes it on).
     */
    public List<String> launcher(WindlassService service, String containerName) {
        List<String> run = new ArrayList<>(List.of("docker", "run", "--rm", "--name", containerName,
                "--network", "host"));
        if (service == WindlassService.AGENT) {
            run.addAll(List.of("--cap-add", "NET_ADMIN", "--cap-add", "NET_RAW",
                    "-v", "/var/run/docker.sock:/var/run/docker.sock",
                    "-v", CONFIG_DRIVES + ":" + CONFIG_DRIVES));
        }
        run.add("windlass/" + service.module() + ":" + tag);
        return run;
    }

    /** After a stop: the container of a process that was killed (the CLI's death does not stop it). */
    public void remove(DockerCli docker, String containerName) {
        docker.run("rm", "-f", containerName);
    }

    /**
     * The service's JVM as this host numbers it, for its resident memory: the launcher's process is the
     * docker CLI, and in the container the JVM is the child of tini, the image's PID 1.
     */
    public OptionalLong jvmPid(DockerCli docker, String containerName) {
        String init = docker.inspect(containerName, "{{.State.Pid}}").orElse("0").strip();
        if (init.isEmpty() || init.equals("0")) {
            return OptionalLong.empty();
        }
        try {
            String children = Files.readString(Path.of("/proc", init, "task", init, "children")).strip();
            return children.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(children.split(" ")[0]));
        } catch (IOException e) {
            // the container stopped meanwhile: no figure to give
            return OptionalLong.empty();
        }
    }
}
