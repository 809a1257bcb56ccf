package io.windlass.system.capsule;

import io.restassured.response.Response;
import io.windlass.system.ContainersApi;
import io.windlass.system.DockerCli;
import io.windlass.system.Poller;
import io.windlass.system.WindlassSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The capsules acceptance scenario (issue 6): an init container fills a shared volume, one
 * container serves it over HTTP, its sibling fetches it through localhost and writes the answer
 * back to the volume; then the delete leaves nothing in Docker.
 */
class CapsuleST {
    private static final String TEMPLATE = """
            kind: capsule
            metadata:
              name: st-cap
              labels:
                app: st
            spec:
              restartPolicy: Always
              initContainers:
              - name: prep
                image: busybox
                command: ["sh", "-c", "echo served-from-volume | tee /www/index.html"]
                resources:
                  requests: {cpu: 0.1, memory: 32}
                volumeMounts:
                - {name: www, mountPath: /www}
              containers:
              - name: web
                image: busybox
                command: ["httpd", "-f", "-p", "8080", "-h", "/www"]
                ports:
                - {containerPort: 8080, protocol: TCP}
                resources:
                  requests: {cpu: 0.25, memory: 32}
                volumeMounts:
                - {name: www, mountPath: /www}
              - name: client
                image: busybox
                command: ["sh", "-c"]
                args: ["until wget -qO- http://127.0.0.1:8080/ > /www/answer; do sleep 0.2; done; sleep 3600"]
                resources:
                  requests: {cpu: 0.25, memory: 48}
                volumeMounts:
                - {name: www, mountPath: /www}
              volumes:
              - name: www
                cinder: {size: 1, autoRemove: true}
            """;

    @RegisterExtension
    static final WindlassSystem system = new WindlassSystem();

    private final ContainersApi api = system.containers();
    private final DockerCli docker = system.docker();

    @Test
    void aCapsuleSharesNetworkAndVolumeRunsInitFirstAndLeavesNothingBehind() {
        Response created = api.request().body(Map.of("template", TEMPLATE)).post("/capsules/");
        assertEquals(202, created.statusCode(), created.asString());
        String uuid = created.jsonPath().getString("uuid");
        assertEquals(0.5f, created.jsonPath().getFloat("cpu"), "0.25 + 0.25 (the init container's 0.1 is less)");
        assertEquals("80", created.jsonPath().getString("memory"), "32 + 48 MiB");

        Map<String, Object> running = awaitStatus(uuid, "Running");
        assertEquals("st-cap", running.get("name"));
        List<String> names = api.request().get("/capsules/" + uuid).jsonPath().getList("containers.uuid");
        String web = "windlass-" + names.get(0);
        String client = "windlass-" + names.get(1);
        String init = "windlass-" + api.request().get("/capsules/" + uuid).jsonPath()
                .getString("init_containers[0].uuid");

        // order: the init container had finished before the app containers started
        Instant initFinished = Instant.parse(docker.inspectExisting(init, "{{.State.FinishedAt}}"));
        Instant webStarted = Instant.parse(docker.inspectExisting(web, "{{.State.StartedAt}}"));
        assertTrue(initFinished.isBefore(webStarted), initFinished + " vs " + webStarted);
        assertEquals("0", docker.inspectExisting(init, "{{.State.ExitCode}}"));

        // one network namespace: both members joined the sandbox's
        String sandbox = docker.inspectExisting("windlass-capsule-" + uuid, "{{.Id}}");
        assertEquals("container:" + sandbox, docker.inspectExisting(web, "{{.HostConfig.NetworkMode}}"));
        assertEquals("container:" + sandbox, docker.inspectExisting(client, "{{.HostConfig.NetworkMode}}"));

        // the client got the init container's file from the web container through localhost
        String answer = Poller.standard().until("the client's answer in the volume",
                () -> docker.run("exec", client, "cat", "/www/answer").stdout().trim(), "served-from-volume"::equals);
        assertEquals("served-from-volume", answer);

        // the members through the container API, by their uuids: a command run in one, another's log read
        Response exec = api.request().queryParam("command", "cat /www/answer").queryParam("run", "true")
                .post("/containers/" + names.get(1) + "/execute");
        assertEquals(200, exec.statusCode(), exec.asString());
        assertEquals("served-from-volume\n", exec.jsonPath().getString("output"));
        assertEquals(0, exec.jsonPath().getInt("exit_code"));
        String initUuid = init.substring("windlass-".length());
        Response log = api.request().get("/containers/" + initUuid + "/logs");
        assertEquals(200, log.statusCode(), log.asString());
        assertEquals("\"served-from-volume\\n\"", log.asString());

        assertEquals(204, api.request().delete("/capsules/" + uuid).statusCode());
        Poller.standard().until("capsule gone", () -> api.request().get("/capsules/" + uuid).statusCode(),
                status -> status == 404);
        assertEquals(List.of(), docker.idsWithLabel("windlass.capsule", uuid), "members and sandbox removed");
        assertTrue(docker.run("volume", "ls", "-q").stdout().lines().noneMatch(v -> v.contains(uuid)),
                "the auto-remove volume is removed");
    }

    @Test
    void aFailingInitContainerFailsTheCapsuleNamingIt() {
        Response created = api.request().body(Map.of("template", Map.of("kind", "capsule",
                "metadata", Map.of("name", "st-bad"),
                "spec", Map.of("initContainers", List.of(Map.of("name", "broken", "image", "busybox",
                                "command", List.of("sh", "-c", "exit 7"))),
                        "containers", List.of(Map.of("name", "app", "image", "busybox",
                                "command", List.of("sleep", "3600"))))))).post("/capsules");
        assertEquals(202, created.statusCode(), created.asString());
        String uuid = created.jsonPath().getString("uuid");
        Map<String, Object> failed = awaitStatus(uuid, "Error");
        assertTrue(String.valueOf(failed.get("status_reason")).contains("capsule-st-bad-init-broken"),
                String.valueOf(failed.get("status_reason")));
        assertEquals(List.of(), docker.idsWithLabel("windlass.capsule", uuid), "nothing left half-created");
        assertEquals(204, api.request().delete("/capsules/" + uuid).statusCode());
    }

    private Map<String, Object> awaitStatus(String uuid, String status) {
        return Poller.standard().until("capsule " + uuid + " " + status,
                () -> api.request().get("/capsules/" + uuid).jsonPath().getMap(""),
                body -> status.equals(body.get("status")));
    }
}
