package io.windlass.capsule.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.windlass.capsule.persistence.CapsuleEntity;
import io.windlass.capsule.persistence.CapsuleRepository;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.container.ContainerStatus;
import io.windlass.rpc.Envelope;
import io.windlass.testing.RpcQueueProbe;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CapsuleApiIT {
    private static final String YAML = """
            capsuleVersion: beta
            kind: capsule
            metadata:
              name: %s
              labels:
                app: web
            spec:
              restartPolicy: OnFailure
              initContainers:
              - image: busybox
                name: prep
                command: ["sh", "-c", "echo hi > /data/x"]
                resources:
                  requests:
                    cpu: 2
                    memory: 64
                volumeMounts:
                - name: shared
                  mountPath: /data
              containers:
              - image: busybox
                name: web
                command: ["httpd", "-f"]
                args: ["-p", "8080"]
                ports:
                - containerPort: 8080
                  protocol: TCP
                resources:
                  requests:
                    cpu: 0.5
                    memory: 128
                volumeMounts:
                - name: shared
                  mountPath: /www
              - image: busybox
                name: client
                resources:
                  requests:
                    cpu: 0.25
                    memory: 64
              volumes:
              - name: shared
                cinder:
                  size: 1
                  autoRemove: true
            """;

    @Inject
    ObjectMapper json;
    @Inject
    CapsuleRepository capsules;
    @Inject
    EntityManager em;

    private RpcQueueProbe conductor;

    @BeforeEach
    void probeConductorQueue() throws Exception {
        conductor = RpcQueueProbe.on("conductor", json);
    }

    @AfterEach
    void closeProbe() throws Exception {
        conductor.close();
    }

    @Test
    void aYamlTemplateIsAcceptedWithSummedResourcesAndSentToTheConductor() throws Exception {
        String name = "cap-" + UUID.randomUUID().toString().substring(0, 8);
        Response response = create(Map.of("template", YAML.formatted(name)), "/container/v1/capsules/");
        response.then().statusCode(202)
                .body("name", equalTo(name))
                .body("status", equalTo("Creating"))
                .body("labels.app", equalTo("web"))
                .body("restart_policy.Name", equalTo("on-failure"))
                .body("restart_policy.MaximumRetryCount", equalTo("0"))
                // apps 0.5 + 0.25 = 0.75 < the init container's 2 → 2; memory 128 + 64 = 192 > 64
                .body("cpu", equalTo(2.0f))
                .body("memory", equalTo("192"))
                .body("containers.name", equalTo(List.of("capsule-" + name + "-web", "capsule-" + name + "-client")))
                .body("containers[0].command", equalTo(List.of("httpd", "-f", "-p", "8080")))
                .body("containers[0].ports", equalTo(List.of(8080)))
                .body("init_containers[0].name", equalTo("capsule-" + name + "-init-prep"))
                .body("status_reason", nullValue())
                .body("project_id", equalTo("default"));
        String uuid = response.path("uuid");
        assertTrue(response.header("Location").endsWith("/container/v1/capsules/" + uuid));

        CapsuleEntity row = capsules.findByUuid(UUID.fromString(uuid)).orElseThrow();
        assertEquals(ContainerStatus.CREATING, row.status);
        assertEquals(2.0, row.cpu);
        assertEquals(192, row.memory);
        assertEquals("shared", row.spec.volumes().getFirst().name());
        assertTrue(row.spec.volumes().getFirst().autoRemove());

        Envelope sent = conductor.next(Duration.ofSeconds(5)).envelope();
        assertEquals(ConductorRpcApi.BUILD_CAPSULE.name(), sent.method());
        assertEquals(uuid, sent.args().get("uuid").asText());
    }

    @Test
    void aJsonTemplateIsShownByNameListedAndDeletedWhileUnplaced() throws Exception {
        String name = "cap-" + UUID.randomUUID().toString().substring(0, 8);
        String uuid = create(Map.of("template", Map.of("kind", "capsule", "metadata", Map.of("name", name),
                "spec", Map.of("containers", List.of(Map.of("image", "busybox", "command", List.of("sleep", "60"))))
        )), "/container/v1/capsules").then().statusCode(202).extract().path("uuid");

        given().header("OpenStack-API-Version", "container 1.40").get("/container/v1/capsules/" + name)
                .then().statusCode(200).body("uuid", equalTo(uuid))
                .body("restart_policy.Name", equalTo("always"))
                .body("cpu", equalTo(0.0f));
        given().get("/container/v1/capsules/").then().statusCode(200).body("capsules.uuid", hasItem(uuid))
                .body("next", nullValue());

        given().delete("/container/v1/capsules/" + uuid).then().statusCode(204);
        assertTrue(capsules.findByUuid(UUID.fromString(uuid)).isEmpty(), "never placed: the row goes at once");
        given().get("/container/v1/capsules/" + uuid).then().statusCode(404)
                .body("errors[0].code", equalTo("container.capsule-not-found"));
    }

    /** Zun's capsule before 1.32: meta_name, meta_labels, the restart policy's name, the template-era fields. */
    @Test
    void beforeOnePointThirtyTwoACapsuleIsShownInZunsLegacyShape() throws Exception {
        String name = "cap-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = given().header("OpenStack-API-Version", "container 1.31").contentType("application/json")
                // a template of that time: no ports (1.35) or init containers (1.34)
                .body(Map.of("template", Map.of("kind", "capsule",
                        "metadata", Map.of("name", name, "labels", Map.of("app", "web")),
                        "spec", Map.of("restartPolicy", "OnFailure", "containers",
                                List.of(Map.of("image", "busybox", "command", List.of("sleep", "60")))))))
                .post("/container/v1/capsules");
        created.then().statusCode(202)
                .body("meta_name", equalTo(name))
                .body("meta_labels.app", equalTo("web"))
                .body("restart_policy", equalTo("on-failure"))
                .body("volumes_info", equalTo(Map.of()))
                .body("containers_uuids", equalTo(List.of()))
                .body("init_containers_uuids", equalTo(List.of()))
                .body("capsule_version", equalTo(""))
                .body("$", not(hasKey("name")))
                .body("$", not(hasKey("labels")))
                .body("containers.image", equalTo(List.of("busybox")));
        String uuid = created.path("uuid");
        conductor.next(Duration.ofSeconds(5));

        given().header("OpenStack-API-Version", "container 1.31").get("/container/v1/capsules/" + uuid)
                .then().statusCode(200).body("meta_name", equalTo(name)).body("restart_policy", equalTo("on-failure"));
        given().header("OpenStack-API-Version", "container 1.31").get("/container/v1/capsules")
                .then().statusCode(200)
                .body("capsules.find { it.uuid == '" + uuid + "' }.meta_name", equalTo(name))
                .body("capsules.find { it.uuid == '" + uuid + "' }.capsule_version", equalTo(""));
        given().header("OpenStack-API-Version", "container 1.32").get("/container/v1/capsules/" + uuid)
                .then().statusCode(200).body("name", equalTo(name)).body("restart_policy.Name", equalTo("on-failure"))
                .body("$", not(hasKey("meta_name"))).body("$", not(hasKey("capsule_version")));
    }

    @Test
    void aPlacedCapsuleTurnsDeletingAndTheConductorIsAsked() throws Exception {
        String uuid = create(Map.of("template", Map.of("kind", "capsule", "metadata", Map.of(),
                "spec", Map.of("containers", List.of(Map.of("image", "busybox"))))), "/container/v1/capsules")
                .then().statusCode(202).extract().path("uuid");
        conductor.next(Duration.ofSeconds(5));
        // what the conductor writes once the capsule is scheduled (the api-service may not)
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE capsules SET host = 'host-a' WHERE uuid = :uuid")
                .setParameter("uuid", UUID.fromString(uuid)).executeUpdate());

        given().delete("/container/v1/capsules/" + uuid).then().statusCode(204);
        given().get("/container/v1/capsules/" + uuid).then().statusCode(200)
                .body("status", equalTo("Deleting")).body("host", equalTo("host-a"));
        Envelope sent = conductor.next(Duration.ofSeconds(5)).envelope();
        assertEquals(ConductorRpcApi.DELETE_CAPSULE.name(), sent.method());
        assertEquals(uuid, sent.args().get("uuid").asText());
    }

    @Test
    void badTemplatesAre400sNamingTheField() {
        Map<String, Object> container = Map.of("image", "busybox", "name", "app");
        assertRejected(Map.of("kind", "capsule", "metadata", Map.of(), "spec", Map.of("containers", List.of())),
                "template.spec.containers");
        assertRejected(Map.of("kind", "capsule", "metadata", Map.of(),
                "spec", Map.of("containers", List.of(container, container))), "template.spec.containers[1].name");
        assertRejected(Map.of("kind", "capsule", "metadata", Map.of(), "spec", Map.of("containers",
                        List.of(Map.of("image", "busybox", "volumeMounts", List.of(Map.of("name", "nope",
                                "mountPath", "/x")))))),
                "template.spec.containers[0].volumeMounts[0].name");
        assertRejected(Map.of("kind", "capsule", "metadata", Map.of(), "spec", Map.of("restartPolicy", "Sometimes",
                "containers", List.of(container))), "template.spec.restartPolicy");
        Map<String, Object> mounting = Map.of("image", "busybox", "volumeMounts",
                List.of(Map.of("name", "vol", "mountPath", "/v")));
        assertRejected(Map.of("kind", "capsule", "metadata", Map.of(), "spec", Map.of(
                "containers", List.of(mounting),
                "volumes", List.of(Map.of("name", "vol", "cinder", Map.of("size", 0))))),
                "template.spec.volumes[0].cinder.size");
        create(Map.of("template", "kind: capsule\nspec: [unclosed"), "/container/v1/capsules").then()
                .statusCode(400).body("errors[0].detail", containsString("'template'"));
        assertRejected(Map.of("kind", "deployment", "metadata", Map.of(), "spec", Map.of()), "template.kind");
    }

    private void assertRejected(Map<String, Object> template, String field) {
        create(Map.of("template", template), "/container/v1/capsules").then().statusCode(400)
                .body("errors[0].status", equalTo(400))
                .body("errors[0].detail", containsString("'" + field + "'"));
    }

    private static Response create(Object body, String path) {
        return given().header("OpenStack-API-Version", "container 1.40").contentType("application/json")
                .body(body).when().post(path);
    }
}
