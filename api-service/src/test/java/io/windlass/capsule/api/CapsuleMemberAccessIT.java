package io.windlass.capsule.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.windlass.capsule.CapsuleMemberState;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.container.ContainerExecResult;
import io.windlass.container.ContainerStatus;
import io.windlass.rpc.RpcReply;
import io.windlass.testing.ProjectMember;
import io.windlass.testing.RealTokens;
import io.windlass.testing.RpcQueueProbe;
import io.windlass.workload.WorkloadLog;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A capsule's members through the container API, by their uuids: what happens inside an engine
 * container (logs, execute) reaches them on the capsule's host, under the container rules and each
 * member's own state; what would change a member (commit, attach, the state actions) does not, and
 * another project's members are as unknown as its containers. The host is stood in for at the RPC
 * edge ({@link RpcQueueProbe}).
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class CapsuleMemberAccessIT {
    private static final String HOST = "member-host";

    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;

    /** A capsule placed on {@link #HOST}: its init container {@code prep} done, its app {@code web} running. */
    private record Placed(UUID capsule, String web, String prep) {
    }

    private Placed placedCapsule(ProjectMember owner) throws Exception {
        String name = "members-" + UUID.randomUUID().toString().substring(0, 8);
        Response created;
        try (RpcQueueProbe conductor = RpcQueueProbe.on("conductor", json)) {
            created = as(owner.member()).contentType("application/json")
                    .body(Map.of("template", Map.of("kind", "capsule", "metadata", Map.of("name", name),
                            "spec", Map.of("initContainers", List.of(Map.of("image", "busybox", "name", "prep",
                                            "command", List.of("true"))),
                                    "containers", List.of(Map.of("image", "busybox", "name", "web",
                                            "command", List.of("sleep", "600")))))))
                    .post("/container/v1/capsules");
            created.then().statusCode(202);
            assertEquals("build_capsule",
                    conductor.next(Duration.ofSeconds(5)).envelope().method());
        }
        UUID capsule = UUID.fromString(created.path("uuid"));
        String web = created.path("containers[0].uuid");
        String prep = created.path("init_containers[0].uuid");
        // as the conductor records the host's report (the api-service may not write these columns)
        String members = json.writeValueAsString(List.of(
                new CapsuleMemberState(prep, ContainerStatus.STOPPED, null, "e-prep", 0),
                new CapsuleMemberState(web, ContainerStatus.RUNNING, null, "e-web", null)));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update capsules set host = :host, "
                        + "status = 'Running', members = cast(:members as jsonb) where uuid = :uuid")
                .setParameter("host", HOST).setParameter("members", members).setParameter("uuid", capsule)
                .executeUpdate());
        return new Placed(capsule, web, prep);
    }

    private static RequestSpecification as(String token) {
        return given().header("X-Auth-Token", token).header("OpenStack-API-Version", "container 1.40");
    }

    /** Sends the request, answers the host's call with {@code answer}, and gives the call's arguments. */
    private JsonNode served(String method, Supplier<Response> request, Object answer, Response[] out)
            throws Exception {
        try (RpcQueueProbe host = RpcQueueProbe.on("compute." + HOST, json)) {
            CompletableFuture<Response> response = CompletableFuture.supplyAsync(request);
            RpcQueueProbe.Received call = host.next(Duration.ofSeconds(10));
            assertEquals(method, call.envelope().method());
            host.reply(call, new RpcReply(json.valueToTree(answer), null));
            out[0] = response.get();
            return call.envelope().args();
        }
    }

    @Test
    void aMembersLogIsReadOnTheCapsulesHostByTheMembersUuid() throws Exception {
        ProjectMember owner = ProjectMember.create("members");
        Placed p = placedCapsule(owner);
        Response[] response = new Response[1];
        JsonNode args = served(ComputeRpcApi.WORKLOAD_LOGS.name(), () -> as(owner.member()).queryParam("tail", "5")
                .get("/container/v1/containers/" + p.web() + "/logs"), new WorkloadLog("serving\n", false), response);
        response[0].then().statusCode(200).body(equalTo("\"serving\\n\""));
        assertEquals("container", args.get("kind").asText());
        assertEquals(p.web(), args.get("uuid").asText());
        assertEquals(5, args.get("tail").asInt());

        // an init container that has finished still has its log
        args = served(ComputeRpcApi.WORKLOAD_LOGS.name(), () -> as(owner.member())
                .get("/container/v1/containers/" + p.prep() + "/logs"), new WorkloadLog("prepared\n", false), response);
        response[0].then().statusCode(200).body(equalTo("\"prepared\\n\""));
        assertEquals(p.prep(), args.get("uuid").asText());
    }

    @Test
    void aCommandRunsInARunningMemberAndIsRecordedAgainstItsCapsule() throws Exception {
        ProjectMember owner = ProjectMember.create("members");
        Placed p = placedCapsule(owner);
        Response[] response = new Response[1];
        JsonNode args = served(ComputeRpcApi.CONTAINER_EXEC.name(), () -> as(owner.member())
                        .queryParam("command", "echo hi").queryParam("run", "true")
                        .post("/container/v1/containers/" + p.web() + "/execute"),
                ContainerExecResult.ran("hi\n", 0, false), response);
        response[0].then().statusCode(200).body("output", equalTo("hi\n")).body("exit_code", equalTo(0));
        assertEquals(p.web(), args.get("uuid").asText());
        assertEquals(List.of("echo", "hi"), json.convertValue(args.get("command"), List.class));

        String requestId = response[0].header("X-Openstack-Request-Id");
        List<?> recorded = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select kind || ' ' || action || ' ' || project_id || ' ' || (finish_time is not null) "
                                + "from workload_actions where workload_uuid = :uuid and request_id = :req")
                .setParameter("uuid", p.capsule()).setParameter("req", requestId).getResultList());
        assertEquals(List.of("capsule exec_cmd " + owner.project() + " true"), recorded);
    }

    @Test
    void aMemberThatIsNotRunningIsAConflictNamingItsState() throws Exception {
        ProjectMember owner = ProjectMember.create("members");
        Placed p = placedCapsule(owner);
        try (RpcQueueProbe host = RpcQueueProbe.on("compute." + HOST, json)) {
            as(owner.member()).queryParam("command", "ls").post("/container/v1/containers/" + p.prep() + "/execute")
                    .then().statusCode(409)
                    .body("errors[0].detail", equalTo("Cannot execute container " + p.prep() + " in Stopped state."));
            assertTrue(host.drain().isEmpty(), "a refused execute reaches no host");
        }
    }

    @Test
    void anotherProjectsMembersAreUnknownAndAMemberIsNoContainerForTheRest() throws Exception {
        ProjectMember owner = ProjectMember.create("members");
        ProjectMember stranger = ProjectMember.create("stranger");
        Placed p = placedCapsule(owner);
        try (RpcQueueProbe host = RpcQueueProbe.on("compute." + HOST, json)) {
            as(stranger.member()).get("/container/v1/containers/" + p.web() + "/logs").then().statusCode(404)
                    .body("errors[0].detail", equalTo("Container " + p.web() + " could not be found."));
            as(stranger.member()).queryParam("command", "ls").post("/container/v1/containers/" + p.web() + "/execute")
                    .then().statusCode(404);
            // what would change a member or make something of it is the capsule's
            as(owner.member()).get("/container/v1/containers/" + p.web()).then().statusCode(404);
            as(owner.member()).queryParam("repository", "snap").post("/container/v1/containers/" + p.web() + "/commit")
                    .then().statusCode(404);
            as(owner.member()).post("/container/v1/containers/" + p.web() + "/stop").then().statusCode(404);
            assertTrue(host.drain().isEmpty(), "nothing reached the host");
        }
    }
}
