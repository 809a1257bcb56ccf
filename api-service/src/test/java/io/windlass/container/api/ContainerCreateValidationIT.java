package io.windlass.container.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.testing.ContainerRows;
import io.windlass.testing.RpcQueueProbe;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every malformed create is a 400 that names the field, and leaves no row and no message behind. */
@QuarkusTest
class ContainerCreateValidationIT {
    @Inject
    ContainerRows rows;
    @Inject
    ObjectMapper json;

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("1.1", "{\"image\": \"busybox\"", "JSON"),
                Arguments.of("1.1", "[\"busybox\"]", "JSON object"),
                Arguments.of("1.1", "{}", "'image'"),
                Arguments.of("1.1", "{\"image\": \"b\"}", "'image'"),
                Arguments.of("1.1", "{\"image\": \"busybox\", \"colour\": \"red\"}", "'colour'"),
                Arguments.of("1.1", "{\"image\": \"busybox\", \"memory\": \"12xyz\"}", "'memory'"),
                Arguments.of("1.1", "{\"image\": \"busybox\", \"memory\": 2}", "'memory'"),
                Arguments.of("1.1", "{\"image\": \"busybox\", \"memory\": 9000}", "'memory'"),
                Arguments.of("1.1", "{\"image\": \"busybox\", \"cpu\": -1}", "'cpu'"),
                Arguments.of("1.1", "{\"image\": \"busybox\", \"cpu\": 100}", "'cpu'"),
                Arguments.of("1.1", "{\"image\": \"busybox\", \"cpu\": \"1.x\"}", "'cpu'"),
                Arguments.of("1.1", "{\"image\": \"busybox\", \"name\": \"-x\"}", "'name'"),
                Arguments.of("1.1", "{\"image\": \"busybox\", \"name\": \"a\"}", "'name'"),
                Arguments.of("1.1", "{\"image\": \"busybox\", \"restart_policy\": {\"Name\": \"sometimes\"}}",
                        "'restart_policy'"),
                Arguments.of("1.1", "{\"image\": \"busybox\", \"restart_policy\": {\"MaximumRetryCount\": 1}}",
                        "'restart_policy'"),
                Arguments.of("1.1", "{\"image\": \"busybox\", "
                        + "\"restart_policy\": {\"Name\": \"always\", \"MaximumRetryCount\": 3}}", "'restart_policy'"),
                Arguments.of("1.1", "{\"image\": \"busybox\", \"command\": [\"sleep\", \"1\"]}", "'command'"),
                Arguments.of("1.20", "{\"image\": \"busybox\", \"command\": \"sleep 1\"}", "'command'"),
                Arguments.of("1.1", "{\"image\": \"busybox\", \"command\": \"echo 'unclosed\"}", "'command'"),
                Arguments.of("1.1", "{\"image\": \"busybox\", \"environment\": {\"A\": 1}}", "'environment'"),
                Arguments.of("1.1", "{\"image\": \"busybox\", \"environment\": {\"A=B\": \"c\"}}", "'A=B' was unexpected"),
                Arguments.of("1.1", "{\"image\": \"busybox\", \"environment\": {\"\": \"c\"}}", "'environment'"),
                Arguments.of("1.1", "{\"image\": \"busybox\", \"environment\": {\"A\": \"" + "v".repeat(256) + "\"}}",
                        "is too long"),
                Arguments.of("1.1", "{\"image\": \"busybox\", \"interactive\": \"maybe\"}", "'interactive'"),
                Arguments.of("1.1", "{\"image\": \"busybox\", \"auto_remove\": true}", "auto_remove"),
                Arguments.of("1.38", "{\"image\": \"busybox\", \"host\": \"h1\"}", "host"),
                Arguments.of("1.39", "{\"image\": \"busybox\", \"entrypoint\": [\"sh\"]}", "entrypoint"),
                Arguments.of("1.8", "{\"image\": \"busybox\", \"hostname\": \"web\"}", "hostname"),
                Arguments.of("1.40", "{\"image\": \"busybox\", \"nets\": [{\"network\": \"private\", \"port\": \"p\"}]}",
                        "'nets'"),
                Arguments.of("1.40", "{\"image\": \"busybox\", \"mounts\": [{\"type\": \"bind\", "
                        + "\"source\": \"hello\", \"destination\": \"/etc/motd\"}]}", "type bind is not served"),
                Arguments.of("1.40", "{\"image\": \"busybox\", \"mounts\": [{\"source\": \"v\", "
                        + "\"destination\": \"data\"}]}", "does not match '^/'"),
                Arguments.of("1.40", "{\"image\": \"busybox\", \"mounts\": [{\"source\": \"v\"}]}",
                        "'mounts'"),
                Arguments.of("1.40", "{\"image\": \"busybox\", \"mounts\": [{\"size\": \"1G\", "
                        + "\"destination\": \"/d\"}]}", "'mounts'"),
                Arguments.of("1.40", "{\"image\": \"busybox\", \"mounts\": [{\"source\": \"v\", "
                        + "\"destination\": \"/d\", \"driver\": \"nfs\"}]}", "'driver' was unexpected"),
                Arguments.of("1.40", "{\"image\": \"busybox\", \"security_groups\": [\"no-such-group\"]}",
                        "Security group no-such-group not found."),
                Arguments.of("1.40", "{\"image\": \"busybox\", \"exposed_ports\": {\"80/sctp\": {}}}",
                        "value sctp is an invalid protocol"),
                Arguments.of("1.40", "{\"image\": \"busybox\", \"exposed_ports\": {\"http\": {}}}",
                        "value http is invalid as publish port."),
                Arguments.of("1.40", "{\"image\": \"busybox\", \"exposed_ports\": {\"70000/tcp\": {}}}",
                        "value 70000 is invalid as publish port."),
                Arguments.of("1.40", "{\"image\": \"busybox\", \"exposed_ports\": [80]}", "'exposed_ports'"),
                Arguments.of("1.40", "{\"image\": \"busybox\", \"security_groups\": [\"default\"], "
                        + "\"exposed_ports\": {\"80\": {}}}", "is not allowed for"),
                Arguments.of("1.40", "{\"image\": \"busybox\", \"registry\": \"-x\"}", "'registry'"),
                Arguments.of("1.40", "{\"image\": \"busybox\", \"healthcheck\": {\"interval\": 5}}",
                        "'healthcheck'"),
                Arguments.of("1.40", "{\"image\": \"busybox\", \"healthcheck\": {\"cmd\": \"true\", "
                        + "\"interval\": \"5s\"}}", "'5s' is not of type 'integer', 'null'"),
                Arguments.of("1.40", "{\"image\": \"busybox\", \"healthcheck\": {\"cmd\": \"true\", "
                        + "\"retries\": -1}}", "-1 is less than the minimum of 0"),
                Arguments.of("1.40", "{\"image\": \"busybox\", \"healthcheck\": {\"cmd\": \"true\", "
                        + "\"status\": \"healthy\"}}", "'status' was unexpected"),
                Arguments.of("1.40", "{\"image\": \"busybox\", \"cpu_policy\": \"pinned\"}", "'cpu_policy'"),
                Arguments.of("1.40", "{\"image\": \"busybox\", \"cpu\": 1.5, \"cpu_policy\": \"dedicated\"}",
                        "'cpu'"),
                Arguments.of("1.40", "{\"image\": \"busybox\", \"host\": \"no such host\"}", "'host'"),
                Arguments.of("1.40", "{\"image\": \"busybox\", \"image_driver\": \"glance\"}", "'image_driver'"));
    }

    @ParameterizedTest(name = "{index}: at {0}: {1}")
    @MethodSource("badRequests")
    void isRejectedNamingTheField(String version, String body, String named) throws Exception {
        try (RpcQueueProbe conductor = RpcQueueProbe.on("conductor", json)) {
            long before = rows.count();
            given().header("OpenStack-API-Version", "container " + version)
                    .contentType("application/json").body(body)
                    .when().post("/container/v1/containers")
                    .then().statusCode(400)
                    .body("errors[0].status", equalTo(400))
                    .body("errors[0].code", startsWith("container."))
                    .body("errors[0].detail", containsString(named));
            assertEquals(before, rows.count(), "no row may be left behind");
            assertTrue(conductor.drain().isEmpty(), "nothing may reach the conductor");
        }
    }

    @ParameterizedTest
    @MethodSource("newerFields")
    void newerFieldIsRefusedWithTheVersionItNeeds(String field, String value, String since) {
        given().header("OpenStack-API-Version", "container 1.1").contentType("application/json")
                .body("{\"image\": \"busybox\", \"" + field + "\": " + value + "}")
                .when().post("/container/v1/containers")
                .then().statusCode(400)
                .body("errors[0].code", equalTo("container.invalid-param-in-version"))
                .body("errors[0].detail", equalTo("Invalid param " + field + " because current request version is "
                        + "1.1. " + field + " is only supported from version " + since));
    }

    static Stream<Arguments> newerFields() {
        return Stream.of(Arguments.of("auto_remove", "true", "1.3"), Arguments.of("runtime", "\"runc\"", "1.5"),
                Arguments.of("healthcheck", "{\"cmd\": \"true\"}", "1.22"),
                Arguments.of("exposed_ports", "{\"80/tcp\": {}}", "1.24"),
                Arguments.of("mounts", "[]", "1.11"), Arguments.of("tty", "true", "1.36"),
                Arguments.of("entrypoint", "[\"sh\"]", "1.40"), Arguments.of("registry", "\"myreg\"", "1.31"));
    }
}
