package io.windlass.container.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.container.ContainerArchive;
import io.windlass.container.ContainerArchive.PathStat;
import io.windlass.container.ContainerStatus;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.testing.ContainerRows;
import io.windlass.testing.StubbedHost;
import io.windlass.testing.TestTars;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Zun's {@code get_archive} and {@code put_archive}, with the container's host stood in for at the
 * RPC edge. The test profile bounds archives at 64 KiB.
 */
@QuarkusTest
class ContainerArchivesIT {
    private static final String HOST = "archive-host";
    private static final PathStat STAT = new PathStat("ip.sh", 129, 493, "2017-07-25T18:54:50-07:00", "");
    /** A tar's bytes are any bytes: NUL, high ones. */
    private static final byte[] TAR = TestTars.archive("ip.sh", "echo \u00e9\n");

    @Inject
    ContainerRows rows;
    @Inject
    ObjectMapper json;

    private StubbedHost host() {
        return new StubbedHost(HOST, json);
    }

    private static String path(ContainerEntity c, String action) {
        return "/container/v1/containers/" + c.uuid + "/" + action;
    }

    @Test
    void fromOneTwentyFiveTheArchiveIsBase64BesideTheEnginesStat() throws Exception {
        ContainerEntity c = rows.insert("archived", ContainerStatus.STOPPED, HOST);
        StubbedHost.Served served = host().serve(ComputeRpcApi.CONTAINER_GET_ARCHIVE,
                () -> given().header("OpenStack-API-Version", "container 1.25").queryParam("path", "/ip.sh")
                        .when().get(path(c, "get_archive")), host().answer(new ContainerArchive(TAR, STAT)));
        served.response().then().statusCode(200)
                .body("data", equalTo(Base64.getEncoder().encodeToString(TAR)))
                .body("stat.name", equalTo("ip.sh")).body("stat.size", equalTo(129)).body("stat.mode", equalTo(493))
                .body("stat.mtime", equalTo("2017-07-25T18:54:50-07:00")).body("stat.linkTarget", equalTo(""));
        assertEquals(c.uuid.toString(), served.args().get("uuid").asText());
        assertEquals("/ip.sh", served.args().get("path").asText());
        assertEquals(64 * 1024, served.args().get("maxBytes").asInt());
    }

    @Test
    void beforeItTheArchiveIsItsBytesAsText() throws Exception {
        ContainerEntity c = rows.insert("archived-raw", ContainerStatus.RUNNING, HOST);
        Response response = host().serve(ComputeRpcApi.CONTAINER_GET_ARCHIVE,
                () -> given().header("OpenStack-API-Version", "container 1.24").queryParam("path", "/ip.sh")
                        .when().get(path(c, "get_archive")), host().answer(new ContainerArchive(TAR, STAT))).response();
        response.then().statusCode(200);
        String data = json.readTree(response.asString()).get("data").asText();
        assertArrayEquals(TAR, data.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void getArchiveRefusals() throws Exception {
        ContainerEntity c = rows.insert("archive-refused", ContainerStatus.PAUSED, HOST);
        given().when().get(path(c, "get_archive")).then().statusCode(400)
                .body("errors[0].detail", equalTo("'path' is a required property"));
        host().serve(ComputeRpcApi.CONTAINER_GET_ARCHIVE, () -> given().queryParam("path", "/nope").when()
                        .get(path(c, "get_archive")),
                StubbedHost.refusal("Invalid", "Could not find the file /nope in container windlass-" + c.uuid))
                .response().then().statusCode(400)
                .body("errors[0].code", equalTo("container.invalid"))
                .body("errors[0].detail", equalTo("Could not find the file /nope in container windlass-" + c.uuid));
        host().serve(ComputeRpcApi.CONTAINER_GET_ARCHIVE, () -> given().queryParam("path", "/usr").when()
                        .get(path(c, "get_archive")),
                StubbedHost.refusal("ArchiveTooLarge", "The archive of /usr is larger than 65536 bytes, the most"
                        + " copied out of a container in one request."))
                .response().then().statusCode(400)
                .body("errors[0].code", equalTo("container.archive-too-large"))
                .body("errors[0].detail", startsWith("The archive of /usr is larger than 65536 bytes"));
        ContainerEntity error = rows.insert("archive-error", ContainerStatus.ERROR, HOST);
        given().queryParam("path", "/").when().get(path(error, "get_archive")).then().statusCode(409)
                .body("errors[0].detail", equalTo("Cannot get_archive container " + error.uuid + " in Error state."));
        given().queryParam("path", "/").when().get("/container/v1/containers/none-such/get_archive").then()
                .statusCode(404);
    }

    @Test
    void anArchiveIsPutWithThePathInTheBodyOrTheQuery() throws Exception {
        ContainerEntity c = rows.insert("filled", ContainerStatus.CREATED, HOST);
        String data = Base64.getEncoder().encodeToString(TAR);
        StubbedHost.Served served = host().serve(ComputeRpcApi.CONTAINER_PUT_ARCHIVE,
                () -> given().header("OpenStack-API-Version", "container 1.25").contentType("application/json")
                        .body("{\"path\": \"/srv\", \"data\": \"" + data + "\"}").when().post(path(c, "put_archive")),
                host().answer(null));
        served.response().then().statusCode(200);
        assertEquals("null", served.response().asString());
        assertEquals(c.uuid.toString(), served.args().get("uuid").asText());
        assertEquals("/srv", served.args().get("path").asText());
        assertArrayEquals(TAR, served.args().get("data").binaryValue());
        given().header("OpenStack-API-Version", "container 1.33").when()
                .get(path(c, "container_actions/" + served.response().header("X-OpenStack-Request-Id"))).then()
                .statusCode(200).body("action", equalTo("put_archive")).body("message", nullValue())
                .body("finish_time", notNullValue());

        // python-zunclient: the path in the query, the data in the body
        served = host().serve(ComputeRpcApi.CONTAINER_PUT_ARCHIVE,
                () -> given().header("OpenStack-API-Version", "container 1.25").contentType("application/json")
                        .queryParam("path", "/tmp").body("{\"data\": \"" + data + "\"}").when()
                        .post(path(c, "put_archive")), host().answer(null));
        served.response().then().statusCode(200);
        assertEquals("/tmp", served.args().get("path").asText());
        assertArrayEquals(TAR, served.args().get("data").binaryValue());

        // before 1.25 the data is raw bytes as text;
        // bytes that are no tar archive are refused before anything reaches the host, and a NUL, which
        // any real tar holds, is refused in every JSON request: before 1.25 no archive can be put
        byte[] noNul = {'i', 'p', (byte) 0xe9, (byte) 0xff, 'x'};
        given().header("OpenStack-API-Version", "container 1.1").contentType("application/json")
                .queryParam("path", "/tmp").body(json.createObjectNode().put("data",
                        new String(noNul, StandardCharsets.ISO_8859_1)).toString())
                .when().post(path(c, "put_archive")).then().statusCode(400)
                .body("errors[0].detail", containsString("The data is not a tar archive: it ends inside a header."));
        given().header("OpenStack-API-Version", "container 1.1").contentType("application/json")
                .queryParam("path", "/tmp").body(json.createObjectNode().put("data",
                        new String(TAR, StandardCharsets.ISO_8859_1)).toString())
                .when().post(path(c, "put_archive")).then().statusCode(400)
                .body("errors[0].detail", containsString("NUL character"));
    }

    @Test
    void putArchiveRefusals() throws Exception {
        ContainerEntity c = rows.insert("fill-refused", ContainerStatus.RUNNING, HOST);
        String v125 = "container 1.25";
        given().header("OpenStack-API-Version", v125).contentType("application/json").body("{\"data\": \"\"}")
                .when().post(path(c, "put_archive")).then().statusCode(400)
                .body("errors[0].detail", equalTo("'path' is a required property"));
        given().header("OpenStack-API-Version", v125).contentType("application/json").body("{\"path\": \"/tmp\"}")
                .when().post(path(c, "put_archive")).then().statusCode(400)
                .body("errors[0].detail", equalTo("'data' is a required property"));
        given().header("OpenStack-API-Version", v125).contentType("application/json")
                .body("{\"path\": \"/tmp\", \"data\": \"not base64!\"}").when().post(path(c, "put_archive")).then()
                .statusCode(400).body("errors[0].code", equalTo("container.base64-exception"))
                .body("errors[0].detail", equalTo("Invalid Base 64 file data"));
        String tooLarge = Base64.getEncoder().encodeToString(new byte[64 * 1024 + 1]);
        given().header("OpenStack-API-Version", v125).contentType("application/json")
                .body("{\"path\": \"/tmp\", \"data\": \"" + tooLarge + "\"}").when().post(path(c, "put_archive"))
                .then().statusCode(413)
                .body("errors[0].code", equalTo("container.request-entity-too-large"))
                .body("errors[0].detail", equalTo("The archive is 65537 bytes; at most 65536 bytes are copied into"
                        + " a container in one request."));
        host().serve(ComputeRpcApi.CONTAINER_PUT_ARCHIVE,
                        () -> given().header("OpenStack-API-Version", v125).contentType("application/json")
                                .body("{\"path\": \"/nope\", \"data\": \"\"}").when().post(path(c, "put_archive")),
                        StubbedHost.refusal("Invalid", "Could not find the file /nope in container windlass-" + c.uuid))
                .response().then().statusCode(400).body("errors[0].code", equalTo("container.invalid"));
        ContainerEntity creating = rows.insert("fill-early", ContainerStatus.CREATING, null);
        given().header("OpenStack-API-Version", v125).contentType("application/json")
                .body("{\"path\": \"/tmp\", \"data\": \"\"}").when().post(path(creating, "put_archive")).then()
                .statusCode(409).body("errors[0].detail", containsString("Cannot put_archive container"));
    }
}
