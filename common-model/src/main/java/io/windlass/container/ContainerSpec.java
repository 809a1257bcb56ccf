package io.windlass.container;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;
import java.util.Map;

/**
 * Everything a compute agent needs to create a container (the agent has no database).
 *
 * @param uuid            Windlass id; the engine container is named {@code windlass-<uuid>}
 * @param name            user-facing name (engine hostname default)
 * @param image           image reference; without a tag it means {@code :latest}
 * @param command         command, or empty for the image's default
 * @param entrypoint      entrypoint override, or empty for the image's
 * @param cpu             CPUs (fractional), applied as a CPU limit
 * @param memoryMb        memory limit in MiB
 * @param workdir         working directory or null
 * @param hostname        hostname or null
 * @param environment     environment variables
 * @param labels          user labels (Windlass adds its own, prefixed {@code windlass.})
 * @param restartPolicy   engine restart policy
 * @param interactive     keep stdin open
 * @param tty             allocate a tty
 * @param imagePullPolicy always, ifnotpresent or never; null means ifnotpresent
 * @param autoRemove      remove the engine container when it exits
 * @param projectId       owner project (engine label, for operators)
 * @param exposedPorts    Docker's {@code ExposedPorts} keys, {@code "80/tcp"} (compute RPC 1.15; empty: the image's)
 * @param healthcheck     the engine's health check, or null for the image's (1.15)
 * @param mounts          engine volumes mounted into it (1.15)
 * @param runtime         the engine runtime (Zun's {@code runtime}, one of {@code docker info}'s Runtimes), or null
 *                        for the engine's default (1.15; a 1.14 agent gave every container the default)
 * @param cpuPolicy       Zun's {@code cpu_policy}: {@code dedicated} pins the container to whole CPUs of its host
 *                        that no other dedicated container has; {@code shared} or null, none (1.15)
 * @param registryLogin   the login for the private registry {@link #image} is pulled from (Zun's {@code registry}
 *                        with a username, compute RPC 1.20), or null to pull without one; {@link #image} then names
 *                        that registry. A 1.19 agent would pull without it, so the conductor does not send it one
 * @param privileged      Zun's {@code privileged}: the engine container gets extended privileges (compute RPC 1.21;
 *                        a 1.20 agent would make it without them, so the conductor does not send it one)
 */
public record ContainerSpec(String uuid, String name, String image, List<String> command, List<String> entrypoint,
                            double cpu, int memoryMb, String workdir, String hostname,
                            Map<String, String> environment, Map<String, String> labels,
                            RestartPolicy restartPolicy, boolean interactive, boolean tty,
                            String imagePullPolicy, boolean autoRemove, String projectId,
                            List<String> exposedPorts, ContainerHealthcheck healthcheck, List<VolumeMount> mounts,
                            String runtime, String cpuPolicy, RegistryLogin registryLogin, boolean privileged) {
    public ContainerSpec {
        exposedPorts = exposedPorts == null ? List.of() : List.copyOf(exposedPorts);
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        command = command == null ? List.of() : List.copyOf(command);
        entrypoint = entrypoint == null ? List.of() : List.copyOf(entrypoint);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        restartPolicy = restartPolicy == null ? RestartPolicy.NO : restartPolicy;
    }

    /**
     * Asks what only a 1.15 agent does: exposed ports, a health check, mounts, a runtime other than runc (which
     * an older agent gives every container anyway), dedicated CPUs. An older agent would make the container without them.
     */
    @JsonIgnore
    public boolean needsContainerFields() {
        return !exposedPorts.isEmpty() || healthcheck != null || !mounts.isEmpty()
                || runtime != null && !runtime.equals("runc") || dedicatedCpus();
    }

    /** The same container, its image pulled as {@code image} with {@code login} (Zun's {@code registry}). */
    public ContainerSpec pulledFrom(String image, RegistryLogin login) {
        return new ContainerSpec(uuid, name, image, command, entrypoint, cpu, memoryMb, workdir, hostname, environment,
                labels, restartPolicy, interactive, tty, imagePullPolicy, autoRemove, projectId, exposedPorts,
                healthcheck, mounts, runtime, cpuPolicy, login, privileged);
    }

    /** Asks what only a 1.20 agent does: pull the image with a registry's login. */
    @JsonIgnore
    public boolean needsRegistryLogin() {
        return registryLogin != null;
    }

    /** Asks what only a 1.21 agent does: extended privileges. */
    @JsonIgnore
    public boolean needsPrivileges() {
        return privileged;
    }

    /** Zun's {@code cpu_policy: dedicated}. */
    @JsonIgnore
    public boolean dedicatedCpus() {
        return "dedicated".equals(cpuPolicy);
    }

    /** The engine-side name, stable across retries, which makes creation idempotent. */
    @JsonIgnore
    public String engineName() {
        return engineName(uuid);
    }

    public static String engineName(String uuid) {
        return "windlass-" + uuid;
    }
}
