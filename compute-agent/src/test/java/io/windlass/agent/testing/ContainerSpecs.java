package io.windlass.agent.testing;

import io.windlass.container.ContainerHealthcheck;
import io.windlass.container.ContainerSpec;
import io.windlass.container.RegistryLogin;
import io.windlass.container.RestartPolicy;
import io.windlass.container.VolumeMount;

import java.util.List;
import java.util.Map;

/**
 * The agent tests' containers: a busybox sleeper unless told otherwise, so a new field of
 * {@link ContainerSpec} changes this one place of the tests.
 */
public final class ContainerSpecs {
    private final String uuid;
    private String name;
    private String image = "busybox";
    private List<String> command = List.of("sleep", "300");
    private double cpu = 1;
    private int memoryMb = 128;
    private String workdir;
    private Map<String, String> environment = Map.of();
    private Map<String, String> labels = Map.of();
    private RestartPolicy restart = RestartPolicy.NO;
    private String pullPolicy;
    private String project = "p1";
    private List<String> exposedPorts = List.of();
    private ContainerHealthcheck healthcheck;
    private List<VolumeMount> mounts = List.of();
    private String runtime;
    private String cpuPolicy;
    private boolean autoRemove;
    private RegistryLogin registryLogin;
    private boolean privileged;

    private ContainerSpecs(String uuid) {
        this.uuid = uuid;
        this.name = "c-" + uuid.substring(0, Math.min(8, uuid.length()));
    }

    public static ContainerSpecs container(String uuid) {
        return new ContainerSpecs(uuid);
    }

    public ContainerSpecs name(String value) {
        name = value;
        return this;
    }

    public ContainerSpecs image(String value) {
        image = value;
        return this;
    }

    public ContainerSpecs command(List<String> value) {
        command = value;
        return this;
    }

    public ContainerSpecs limits(double cpus, int memory) {
        cpu = cpus;
        memoryMb = memory;
        return this;
    }

    public ContainerSpecs workdir(String value) {
        workdir = value;
        return this;
    }

    public ContainerSpecs environment(Map<String, String> value) {
        environment = value;
        return this;
    }

    public ContainerSpecs labels(Map<String, String> value) {
        labels = value;
        return this;
    }

    public ContainerSpecs restart(RestartPolicy value) {
        restart = value;
        return this;
    }

    public ContainerSpecs pullPolicy(String value) {
        pullPolicy = value;
        return this;
    }

    public ContainerSpecs project(String value) {
        project = value;
        return this;
    }

    public ContainerSpecs exposedPorts(List<String> value) {
        exposedPorts = value;
        return this;
    }

    public ContainerSpecs healthcheck(ContainerHealthcheck value) {
        healthcheck = value;
        return this;
    }

    public ContainerSpecs mounts(List<VolumeMount> value) {
        mounts = value;
        return this;
    }

    public ContainerSpecs runtime(String value) {
        runtime = value;
        return this;
    }

    public ContainerSpecs cpuPolicy(String value) {
        cpuPolicy = value;
        return this;
    }

    public ContainerSpecs autoRemove(boolean value) {
        autoRemove = value;
        return this;
    }

    public ContainerSpecs registryLogin(RegistryLogin value) {
        registryLogin = value;
        return this;
    }

    public ContainerSpecs privileged() {
        privileged = true;
        return this;
    }

    public ContainerSpec build() {
        return new ContainerSpec(uuid, name, image, command, List.of(), cpu, memoryMb, workdir, null, environment, labels,
                restart, false, false, pullPolicy, autoRemove, project, exposedPorts, healthcheck, mounts, runtime, cpuPolicy,
                registryLogin, privileged);
    }
}
