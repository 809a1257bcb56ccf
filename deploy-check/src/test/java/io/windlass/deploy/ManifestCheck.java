package io.windlass.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What is wrong with the Kubernetes manifests against the services' real configuration: the four
 * workloads, each container's settings (every key it gets from a ConfigMap, a Secret or its own env
 * must be a setting of that service, and every required one must be there), probes on the service's
 * real HTTP port and Quarkus' health paths, resources, disruption budgets and the api's Service.
 */
final class ManifestCheck {
    /** Quarkus' SmallRye Health paths under the HTTP root. */
    static final String READY = "/q/health/ready";
    static final String LIVE = "/q/health/live";
    private static final Set<String> HEALTH_PATHS = Set.of("/q/health", READY, LIVE, "/q/health/started");
    /** Read by the JVM itself, whatever the image's entry point. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

    private final List<HasMetadata> objects;
    private final String version;
    private final List<String> problems = new ArrayList<>();
    /** ConfigMaps and Secrets some container reads, as {@code Kind/name}. */
    private final Set<String> read = new java.util.HashSet<>();

    private ManifestCheck(List<HasMetadata> objects, String version) {
        this.objects = objects;
        this.version = version;
    }

    static List<String> problems(List<HasMetadata> objects, String version) {
        ManifestCheck check = new ManifestCheck(objects, version);
        for (HasMetadata object : objects) {
            Manifests.unknownFields(object).forEach(f -> check.problems.add(name(object) + ": unknown field " + f));
        }
        for (WindlassService service : WindlassService.values()) {
            check.workload(service);
        }
        objects.stream().filter(o -> o instanceof ConfigMap || o instanceof Secret)
                .filter(o -> !check.read.contains(o.getKind() + "/" + o.getMetadata().getName()))
                .forEach(o -> check.problems.add(name(o) + " is read by no container: its keys reach no service"));
        return check.problems;
    }

    private void workload(WindlassService service) {
        String name = "windlass-" + service.name;
        PodTemplateSpec template;
        if (service == WindlassService.AGENT) {
            Optional<DaemonSet> agents = find(DaemonSet.class, name);
            if (agents.isEmpty()) {
                problems.add("no DaemonSet " + name);
                return;
            }
            template = agents.get().getSpec().getTemplate();
        } else {
            Optional<Deployment> deployment = find(Deployment.class, name);
            if (deployment.isEmpty()) {
                problems.add("no Deployment " + name);
                return;
            }
            template = deployment.get().getSpec().getTemplate();
            disruptionBudget(name, template);
        }
        List<Container> containers = template.getSpec().getContainers();
        if (containers.size() != 1) {
            problems.add(name + ": " + containers.size() + " containers, not one");
            return;
        }
        Container container = containers.getFirst();
        String where = name + "/" + container.getName();
        String image = "windlass/" + service.module + ":" + version;
        if (!image.equals(container.getImage())) {
            problems.add(where + ": image " + container.getImage() + ", not " + image);
        }
        Map<String, Optional<String>> env = settings(service, where, container);
        int port = env.getOrDefault("QUARKUS_HTTP_PORT", Optional.empty()).map(Integer::parseInt)
                .orElse(ServiceSettings.of(service).httpPort());
        probes(where, container, port);
        resources(where, container);
        if (service == WindlassService.API) {
            apiService(name, template, container, port);
        }
        if (service == WindlassService.AGENT) {
            dockerSocket(where, template, container, env);
        }
    }

    /** The environment the container gets, by name (empty: a value only the cluster knows, e.g. a fieldRef). */
    private Map<String, Optional<String>> settings(WindlassService service, String where, Container container) {
        Map<String, Optional<String>> env = new LinkedHashMap<>();
        Map<String, String> source = new LinkedHashMap<>();
        for (EnvFromSource from : container.getEnvFrom()) {
            String prefix = Objects.requireNonNullElse(from.getPrefix(), "");
            if (from.getConfigMapRef() != null) {
                String cm = from.getConfigMapRef().getName();
                data(ConfigMap.class, cm).ifPresentOrElse(d -> d.forEach((k, v) -> {
                    env.put(prefix + k, Optional.of(v));
                    source.put(prefix + k, "ConfigMap " + cm);
                }), () -> problems.add(where + ": envFrom names no ConfigMap of these manifests: " + cm));
            }
            if (from.getSecretRef() != null) {
                String secret = from.getSecretRef().getName();
                data(Secret.class, secret).ifPresentOrElse(d -> d.forEach((k, v) -> {
                    env.put(prefix + k, Optional.of(v));
                    source.put(prefix + k, "Secret " + secret);
                }), () -> problems.add(where + ": envFrom names no Secret of these manifests: " + secret));
            }
        }
        for (EnvVar var : container.getEnv()) {
            env.put(var.getName(), valueOf(where, var));
            source.put(var.getName(), "env");
        }
        ServiceSettings settings = ServiceSettings.of(service);
        env.keySet().forEach(key -> {
            if (settings.unused.contains(key)) {
                problems.add(where + ": " + key + " (" + source.get(key) + ") is loaded but never read by the "
                        + service.name + ": setting it does nothing");
            } else if (!settings.knows(key) && !JVM_VARIABLES.contains(key)) {
                problems.add(where + ": " + key + " (" + source.get(key) + ") is no setting of the " + service.name);
            }
        });
        for (String required : service.required()) {
            if (!env.containsKey(required)) {
                problems.add(where + ": " + required + " is not provided; its default is a development host's");
            }
        }
        if (!Optional.of("0.0.0.0").equals(env.getOrDefault("QUARKUS_HTTP_HOST", Optional.empty()))) {
            problems.add(where + ": QUARKUS_HTTP_HOST must be 0.0.0.0: probes reach the pod's address, not its loopback");
        }
        Map<String, String> literal = new LinkedHashMap<>();
        env.forEach((k, v) -> v.ifPresent(value -> literal.put(k, value)));
        settings.conversionProblem(literal).ifPresent(p -> problems.add(where + ": values do not convert: " + p));
        return env;
    }

    private Optional<String> valueOf(String where, EnvVar var) {
        if (var.getValueFrom() == null) {
            return Optional.ofNullable(var.getValue()).or(() -> Optional.of(""));
        }
        var from = var.getValueFrom();
        if (from.getConfigMapKeyRef() != null) {
            return key(where, ConfigMap.class, from.getConfigMapKeyRef().getName(), from.getConfigMapKeyRef().getKey());
        }
        if (from.getSecretKeyRef() != null) {
            return key(where, Secret.class, from.getSecretKeyRef().getName(), from.getSecretKeyRef().getKey());
        }
        return Optional.empty();
    }

    private Optional<String> key(String where, Class<? extends HasMetadata> kind, String name, String key) {
        Optional<String> value = data(kind, name).map(d -> d.get(key));
        if (value.isEmpty()) {
            problems.add(where + ": " + kind.getSimpleName() + " " + name + " of these manifests has no key " + key);
        }
        return value;
    }

    private <T extends HasMetadata> Optional<Map<String, String>> data(Class<T> kind, String name) {
        read.add(kind.getSimpleName() + "/" + name);
        return find(kind, name).map(o -> {
            Map<String, String> data = new LinkedHashMap<>();
            if (o instanceof ConfigMap cm && cm.getData() != null) {
                data.putAll(cm.getData());
            }
            if (o instanceof Secret secret) {
                if (secret.getData() != null) {
                    secret.getData().forEach((k, v) -> data.put(k, new String(Base64.getDecoder().decode(v))));
                }
                if (secret.getStringData() != null) {
                    data.putAll(secret.getStringData());
                }
            }
            return data;
        });
    }

    private void probes(String where, Container container, int port) {
        if (container.getPorts().stream().noneMatch(p -> p.getContainerPort() == port)) {
            problems.add(where + ": no containerPort " + port + ", the port the service serves HTTP on");
        }
        probe(where, "readinessProbe", container.getReadinessProbe(), READY, container, port);
        probe(where, "livenessProbe", container.getLivenessProbe(), LIVE, container, port);
        if (container.getStartupProbe() != null) {
            probe(where, "startupProbe", container.getStartupProbe(), null, container, port);
        }
    }

    private void probe(String where, String kind, Probe probe, String path, Container container, int port) {
        if (probe == null || probe.getHttpGet() == null) {
            problems.add(where + ": no " + kind + " over HTTP");
            return;
        }
        String actual = probe.getHttpGet().getPath();
        if (path != null ? !path.equals(actual) : !HEALTH_PATHS.contains(actual)) {
            problems.add(where + ": " + kind + " path " + actual + " is not " + (path != null ? path : "one of " + HEALTH_PATHS));
        }
        Optional<Integer> probed = resolve(probe.getHttpGet().getPort(), container);
        if (probed.isEmpty() || probed.get() != port) {
            problems.add(where + ": " + kind + " port " + describe(probe.getHttpGet().getPort())
                    + " is not the service's HTTP port " + port);
        }
    }

    private static Optional<Integer> resolve(IntOrString port, Container container) {
        if (port == null) {
            return Optional.empty();
        }
        if (port.getIntVal() != null) {
            return Optional.of(port.getIntVal());
        }
        return container.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort).findFirst();
    }

    private static String describe(IntOrString port) {
        return port == null ? "(none)" : port.getIntVal() != null ? port.getIntVal().toString() : port.getStrVal();
    }

    private void resources(String where, Container container) {
        var resources = container.getResources();
        for (String of : List.of("cpu", "memory")) {
            Map<String, Quantity> requests = resources == null ? null : resources.getRequests();
            Map<String, Quantity> limits = resources == null ? null : resources.getLimits();
            if (requests == null || !requests.containsKey(of)) {
                problems.add(where + ": no " + of + " request");
            }
            if (limits == null || !limits.containsKey(of)) {
                problems.add(where + ": no " + of + " limit");
            }
        }
    }

    private void disruptionBudget(String name, PodTemplateSpec template) {
        boolean covered = objects.stream().filter(PodDisruptionBudget.class::isInstance).map(PodDisruptionBudget.class::cast)
                .anyMatch(pdb -> selects(pdb.getSpec().getSelector().getMatchLabels(), template));
        if (!covered) {
            problems.add(name + ": no PodDisruptionBudget selects its pods");
        }
    }

    private void apiService(String name, PodTemplateSpec template, Container container, int port) {
        List<Service> services = objects.stream().filter(Service.class::isInstance).map(Service.class::cast)
                .filter(s -> selects(s.getSpec().getSelector(), template)).toList();
        if (services.isEmpty()) {
            problems.add(name + ": no Service selects its pods");
        }
        for (Service service : services) {
            service.getSpec().getPorts().forEach(p -> {
                Optional<Integer> target = resolve(p.getTargetPort() != null ? p.getTargetPort() : new IntOrString(p.getPort()),
                        container);
                if (target.isEmpty() || target.get() != port) {
                    problems.add("Service " + service.getMetadata().getName() + ": targetPort "
                            + describe(p.getTargetPort()) + " is not the api's HTTP port " + port);
                }
            });
        }
    }

    /** The agent mounts the node's Docker socket where its docker-host setting looks for it. */
    private void dockerSocket(String where, PodTemplateSpec template, Container container, Map<String, Optional<String>> env) {
        String endpoint = env.getOrDefault("WINDLASS_AGENT_DOCKER_HOST",
                env.getOrDefault("WINDLASS_DOCKER_HOST", Optional.empty())).orElse(
                ServiceSettings.of(WindlassService.AGENT).documented.get("WINDLASS_AGENT_DOCKER_HOST").defaultValue().orElseThrow());
        String socket = endpoint.replaceFirst("^unix://", "");
        Optional<Volume> volume = template.getSpec().getVolumes().stream()
                .filter(v -> v.getHostPath() != null && "/var/run/docker.sock".equals(v.getHostPath().getPath())).findFirst();
        boolean mounted = volume.isPresent() && container.getVolumeMounts().stream()
                .anyMatch(m -> m.getName().equals(volume.get().getName()) && socket.equals(m.getMountPath()));
        if (!mounted) {
            problems.add(where + ": the host's /var/run/docker.sock is not mounted at " + socket + " (its docker host " + endpoint + ")");
        }
    }

    private static boolean selects(Map<String, String> selector, PodTemplateSpec template) {
        Map<String, String> labels = template.getMetadata().getLabels();
        return selector != null && !selector.isEmpty() && labels != null && labels.entrySet().containsAll(selector.entrySet());
    }

    private <T extends HasMetadata> Optional<T> find(Class<T> kind, String name) {
        return objects.stream().filter(kind::isInstance).map(kind::cast)
                .filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    private static String name(HasMetadata object) {
        return object.getKind() + " " + object.getMetadata().getName();
    }
}
