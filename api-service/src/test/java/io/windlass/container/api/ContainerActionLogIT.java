package io.windlass.container.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.windlass.testing.Keystone;
import io.windlass.testing.RealTokens;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Zun's {@code container_actions} with real tokens: the requests accepted for a container, newest
 * first, by request id; events with tracebacks for admins only; {@code finish_time} from 1.33.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class ContainerActionLogIT {
    @Inject
    EntityManager em;

    private static ValidatableResponse zun(String token, String version, String method, String path, Object body) {
        var request = given().header("X-Auth-Token", token).header("OpenStack-API-Version", "container " + version)
                .contentType("application/json");
        if (body != null) {
            request = request.body(body);
        }
        return request.when().request(method, "/container/v1/containers" + path).then();
    }

    @Test
    void theRequestsAcceptedForAContainerAreItsActionsWithTheHostsSteps() {
        String admin = Keystone.adminToken();
        String name = Keystone.unique("zun-actions");
        String project = Keystone.createProject(admin, name);
        Keystone.createUser(admin, name, "pw", project, "member");
        String member = Keystone.token(name, "pw", name);

        var created = zun(member, "1.40", "POST", "", Map.of("image", "busybox", "name", "logged")).statusCode(202)
                .extract();
        String uuid = created.path("uuid");
        String createId = created.header("X-OpenStack-Request-Id");
        // as the conductor leaves it once placed and running
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update containers set host = 'node-a', "
                + "status = 'Running', task_state = null where uuid = cast(?1 as uuid)").setParameter(1, uuid)
                .executeUpdate());
        String stopId = zun(member, "1.40", "POST", "/" + uuid + "/stop", null).statusCode(202).extract()
                .header("X-OpenStack-Request-Id");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into workload_action_events (action_id, event, host, finish_time, result, traceback)
                        select id, 'compute__do_container_stop', 'node-a', now(), 'Error', 'Docker stop failed'
                        from workload_actions where request_id = ?1""").setParameter(1, stopId).executeUpdate());

        zun(member, "1.40", "GET", "/" + uuid + "/container_actions", null).statusCode(200)
                .body("containerActions.action", equalTo(List.of("stop", "create")))
                .body("containerActions.request_id", equalTo(List.of(stopId, createId)))
                .body("containerActions[0].container_uuid", equalTo(uuid))
                .body("containerActions[0].project_id", equalTo(project))
                .body("containerActions[1].finish_time", nullValue());
        zun(member, "1.32", "GET", "/logged/container_actions", null).statusCode(200)
                .body("containerActions[0]", not(hasKey("finish_time")));
        zun(member, "1.40", "GET", "/" + uuid + "/container_actions/" + stopId, null).statusCode(200)
                .body("action", equalTo("stop"))
                .body("events[0].event", equalTo("compute__do_container_stop"))
                .body("events[0].result", equalTo("Error"))
                .body("events[0].finish_time", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}"))
                .body("events[0].traceback", nullValue());
        zun(admin, "1.40", "GET", "/" + uuid + "/container_actions/" + stopId, null).statusCode(200)
                .body("events[0].traceback", equalTo("Docker stop failed"));
        zun(member, "1.40", "GET", "/" + uuid + "/container_actions/req-nope", null).statusCode(404);
    }
}
