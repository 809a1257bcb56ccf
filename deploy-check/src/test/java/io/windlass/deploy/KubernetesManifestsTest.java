package io.windlass.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/kubernetes, parsed with fabric8's Kubernetes model and checked against the services' real
 * configuration ({@link ManifestCheck}). Nothing is applied: no cluster is involved.
 */
class KubernetesManifestsTest {
    private static final String VERSION = System.getProperty("windlass.version", "0.1.0-SNAPSHOT");

    @Test
    void theManifestsMatchTheServicesRealConfiguration() {
        List<HasMetadata> objects = Manifests.parse(Manifests.files(RepoFiles.path("deploy/kubernetes")).values());
        assertTrue(objects.size() >= 15, "parsed " + objects.size() + " objects");
        assertEquals(List.of(), ManifestCheck.problems(objects, VERSION));
    }

    /** The check itself: manifests naming a key, a port, a path or a field that does not exist fail on each. */
    @Test
    void wrongManifestsFailOnEveryWrongKeyPortAndPath() {
        Map<String, String> files = new TreeMap<>(Manifests.files(RepoFiles.path("deploy/kubernetes")));
        files.computeIfPresent("10-config.yaml", (f, t) -> t.replace("  WINDLASS_RPC_PORT: \"5672\"\n",
                "  WINDLASS_RPC_PORT: \"5672\"\n  WINDLASS_RPC_HOSTNAME: \"rabbitmq.example.com\"\n"));
        files.computeIfPresent("50-scheduler.yaml", (f, t) -> t.replace("containerPort: 8782", "containerPort: 8080")
                .replace("path: /q/health/ready", "path: /health/ready")
                .replace("readinessProbe:", "readinesProbe:"));
        files.computeIfPresent("40-conductor.yaml", (f, t) -> t.replace("                name: windlass-registry-key\n", "                name: windlass-scheduler\n"));
        files.put("99-wrong.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: windlass-scheduler
                  namespace: windlass
                data:
                  WINDLASS_SCHEDULER_HOST_SUBSET_SIZE: "2"
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: windlass-agent
                  namespace: windlass
                data:
                  WINDLASS_RPC_DECLARE_TOPOLOGY: "false"
                  WINDLASS_AGENT_HEARTBEAT_INTERVAL: "ten seconds"
                  WINDLASS_SERVICE_DOWN_TIME: "30s"
                """);
        // 99-wrong.yaml's ConfigMap replaces 10-config.yaml's of the same name, as a later apply would
        String problems = String.join("\n", ManifestCheck.problems(withoutEarlierDuplicates(Manifests.parse(files.values())), VERSION));
        for (String expected : List.of(
                "windlass-api/api-service: WINDLASS_RPC_HOSTNAME (ConfigMap windlass-common) is no setting of the api",
                "windlass-scheduler/scheduler-service: no containerPort 8782",
                "windlass-scheduler/scheduler-service: livenessProbe port http is not the service's HTTP port 8782",
                "Deployment windlass-scheduler: unknown field Deployment.spec.template.spec.containers[0].readinesProbe",
                "windlass-scheduler/scheduler-service: no readinessProbe over HTTP",
                "windlass-conductor/conductor-service: WINDLASS_REGISTRY_PASSWORD_KEY is not provided",
                "windlass-agent/compute-agent: WINDLASS_SERVICE_DOWN_TIME (ConfigMap windlass-agent) is loaded but never read by the agent",
                "windlass-agent/compute-agent: values do not convert", "windlass.agent.heartbeat-interval",
                "ConfigMap windlass-scheduler is read by no container")) {
            assertTrue(problems.contains(expected), "expected '" + expected + "' among:\n" + problems);
        }
        String readyPath = ManifestCheck.problems(Manifests.parse(List.of(files.get("50-scheduler.yaml")
                .replace("readinesProbe:", "readinessProbe:"))), VERSION).toString();
        assertTrue(readyPath.contains("readinessProbe path /health/ready is not /q/health/ready"), readyPath);
    }

    /** Of two objects of one kind and name, the later one (a second apply replaces the first). */
    private static List<HasMetadata> withoutEarlierDuplicates(List<HasMetadata> objects) {
        Map<String, HasMetadata> last = new java.util.LinkedHashMap<>();
        objects.forEach(o -> {
            String key = o.getKind() + "/" + o.getMetadata().getName();
            last.remove(key);
            last.put(key, o);
        });
        return new ArrayList<>(last.values());
    }
}
