package io.windlass.container.service;

import io.windlass.container.ContainerHealthcheck;
import io.windlass.container.RestartPolicy;
import io.windlass.port.workload.RequestedNetwork;

import java.util.List;
import java.util.Map;

/**
 * A validated create request, in Windlass' terms (memory in MiB, command as a list).
 *
 * @param name            user-facing name, or null to generate one
 * @param image           image reference as given
 * @param command         command words; empty for the image's default
 * @param entrypoint      entrypoint override or null
 * @param cpu             CPUs
 * @param memoryMb        memory limit, MiB
 * @param diskGb          disk, GiB
 * @param workdir         working directory or null
 * @param hostname        hostname or null
 * @param environment     environment variables
 * @param labels          user labels
 * @param restartPolicy   restart policy
 * @param interactive     keep stdin open
 * @param tty             allocate a tty
 * @param imageDriver     image driver (docker)
 * @param imagePullPolicy always, ifnotpresent, never, or null
 * @param securityGroups  requested security groups
 * @param autoRemove      remove once exited
 * @param autoHeal        recreate when the engine loses it
 * @param runtime         engine runtime or null
 * @param privileged      asked for a privileged container (no policy allows it)
 * @param availabilityZone requested availability zone or null
 * @param schedulerHints  scheduler hints, each value as a list
 * @param requestedHost   the host an admin asked for (1.39), or null
 * @param nets            the networks and ports asked for ({@code nets}), in order; empty: one is chosen
 * @param exposedPorts    Docker's {@code "80/tcp"} keys of Zun's {@code exposed_ports}; empty: none
 * @param healthcheck     the health check, or null for the image's
 * @param mounts          Zun's {@code mounts}, in order
 * @param cpuPolicy       {@code shared}, or {@code dedicated}: whole CPUs of the host for it alone
 * @param registry        Zun's {@code registry} (1.31): a registry of {@code /v1/registries} by uuid or name, or null
 */
public record NewContainer(String name, String image, List<String> command, List<String> entrypoint, double cpu,
                           int memoryMb, int diskGb, String workdir, String hostname,
                           Map<String, String> environment, Map<String, String> labels,
                           RestartPolicy restartPolicy, boolean interactive, boolean tty, String imageDriver,
                           String imagePullPolicy, List<String> securityGroups, boolean autoRemove,
                           boolean autoHeal, String runtime, boolean privileged, String availabilityZone,
                           Map<String, List<String>> schedulerHints, String requestedHost,
                           List<RequestedNetwork> nets, List<String> exposedPorts,
                           ContainerHealthcheck healthcheck, List<RequestedMount> mounts, String cpuPolicy,
                           String registry) {
}
