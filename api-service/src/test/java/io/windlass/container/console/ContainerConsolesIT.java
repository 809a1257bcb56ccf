package io.windlass.container.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.windlass.container.ContainerStatus;
import io.windlass.container.OpenConsole;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.rpc.RpcConnection;
import io.windlass.testing.ContainerRows;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Zun's interactive {@code execute}, {@code attach} and {@code resize}, and the followed log, end to
 * end through this api-service: a real websocket client (the JDK's, offering the subprotocols
 * python-zunclient offers) against the served websocket, relayed over the real RabbitMQ to a host
 * stood in for by {@link EchoingHost}, whose end of each session echoes.
 */
@QuarkusTest
class ContainerConsolesIT {
    private static final String HOST = "console-host";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    ContainerRows rows;
    @Inject
    ObjectMapper json;
    @Inject
    RpcConnection connection;
    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    private final List<AutoCloseable> closing = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private EchoingHost host(String... logLines) {
        EchoingHost host = new EchoingHost(HOST, connection, json, List.of(logLines));
        closing.add(host);
        return host;
    }

    private static String path(ContainerEntity c, String action) {
        return "/container/v1/containers/" + c.uuid + "/" + action;
    }

    /** The client's side: what arrived, and the close. */
    private static final class Client implements WebSocket.Listener {
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final CompletableFuture<String> closed = new CompletableFuture<>();

        @Override
        public synchronized CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            received.writeBytes(bytes);
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            closed.complete(reason);
            return null;
        }

        synchronized String text() {
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    private WebSocket connect(String url, Client client) {
        return http.newWebSocketBuilder().subprotocols("binary", "base64").buildAsync(URI.create(url), client)
                .join();
    }

    private static void type(WebSocket ws, String text) {
        ws.sendBinary(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), true).join();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private int refusedWith(String url) {
        CompletionException e = assertThrows(CompletionException.class, () -> connect(url, new Client()));
        return assertInstanceOf(WebSocketHandshakeException.class, e.getCause()).getResponse().statusCode();
    }

    @Test
    void anInteractiveExecAnswersAsZunAndItsWebsocketRelaysTheTerminal() throws Exception {
        ContainerEntity c = rows.insert("shell", ContainerStatus.RUNNING, HOST);
        EchoingHost host = host();
        Response answer = given().queryParam("command", "/bin/sh").queryParam("interactive", "True")
                .queryParam("run", "False").when().post(path(c, "execute"));
        answer.then().statusCode(200).body("output", nullValue()).body("exit_code", nullValue())
                .body("exec_id", equalTo(EchoingHost.EXEC_ID))
                .body("url", startsWith("ws://"));
        String url = answer.path("url");
        assertTrue(url.matches("ws://[^/]+:" + port + "/container/v1/console\\?token=[A-Za-z0-9_-]{43}&uuid=.*"), url);
        assertEquals(url, answer.path("proxy_url"));
        assertTrue(url.endsWith("&uuid=" + c.uuid), url);

        Client client = new Client();
        WebSocket ws = connect(url, client);
        assertEquals("binary", ws.getSubprotocol());
        type(ws, "echo hi\n");
        await(() -> client.text().equals("echo hi\n"), "the echo, got " + client.text());
        OpenConsole opened = host.opened.getFirst();
        assertEquals(OpenConsole.EXEC, opened.kind());
        assertEquals(EchoingHost.EXEC_ID, opened.execId());
        assertEquals(c.uuid.toString(), opened.uuid());
        assertTrue(opened.idleTimeoutSeconds() > 0);

        given().queryParam("exec_id", EchoingHost.EXEC_ID).queryParam("h", 30).queryParam("w", 90).when()
                .post(path(c, "execute_resize")).then().statusCode(200);
        assertEquals(30, host.execResized.getFirst().height());

        // the process exits: the websocket closes
        type(ws, "exit\n");
        assertEquals("the process exited", client.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    /**
     * The websocket as python-zunclient's {@code WebSocketClient.connect} opens it (the Debian
     * package's websocket-client: its origin header, both subprotocols, binary frames), and its
     * {@code recv} of the answer; skipped where the package is not installed.
     */
    @Test
    void pythonZunclientsWebsocketLibraryTalksToIt() throws Exception {
        Process probe = new ProcessBuilder("/usr/bin/python3", "-c", "import websocket").start();
        Assumptions.assumeTrue(probe.waitFor() == 0, "python3-websocket is not installed");
        ContainerEntity c = rows.insert("py-shell", ContainerStatus.RUNNING, HOST);
        host();
        String url = given().queryParam("command", "/bin/sh").queryParam("interactive", "True")
                .queryParam("run", "False").when().post(path(c, "execute")).then().statusCode(200)
                .extract().path("proxy_url");
        String script = String.join("\n",
                "import sys, websocket",
                "from urllib import parse",
                "u = parse.urlparse(sys.argv[1])",
                "ws = websocket.create_connection(sys.argv[1], skip_utf8_validation=True,",
                "    origin='http://%s:%s' % (u.hostname, u.port), subprotocols=['binary', 'base64'])",
                "ws.send_binary(b'echo from python\\n')",
                "data = ws.recv()",
                "sys.stdout.write(data.decode('utf-8') if isinstance(data, bytes) else data)",
                "ws.close()");
        Process python = new ProcessBuilder("/usr/bin/python3", "-c", script, url).redirectErrorStream(true).start();
        assertTrue(python.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), "python did not finish");
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, python.exitValue(), out);
        assertEquals("echo from python\n", out);
    }

    @Test
    void aTokenIsGoodOnceForItsContainerAndAWrongOneIsRefused() throws Exception {
        ContainerEntity c = rows.insert("once", ContainerStatus.RUNNING, HOST);
        ContainerEntity other = rows.insert("other", ContainerStatus.RUNNING, HOST);
        host();
        String url = given().queryParam("command", "sh").queryParam("interactive", "true").when()
                .post(path(c, "execute")).then().statusCode(200).extract().path("url");
        String token = url.substring(url.indexOf("token=") + 6, url.indexOf('&'));
        String base = url.substring(0, url.indexOf('?'));
        assertEquals(403, refusedWith(base + "?token=" + token + "x&uuid=" + c.uuid));
        assertEquals(403, refusedWith(base + "?token=" + token + "&uuid=" + other.uuid));
        assertEquals(403, refusedWith(base + "?uuid=" + c.uuid));
        WebSocket ws = connect(url, new Client());
        assertEquals(403, refusedWith(url));
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        // not a websocket at all: a 4xx, never a 5xx
        int plain = given().queryParam("token", token).queryParam("uuid", c.uuid.toString()).when()
                .get("/container/v1/console").statusCode();
        assertTrue(plain >= 400 && plain < 500, "plain GET answered " + plain);
    }

    @Test
    void theClientGoingEndsTheSessionOnTheHost() throws Exception {
        ContainerEntity c = rows.insert("leaving", ContainerStatus.RUNNING, HOST);
        EchoingHost host = host();
        String url = given().queryParam("command", "sh").queryParam("interactive", "true").when()
                .post(path(c, "execute")).then().statusCode(200).extract().path("url");
        WebSocket ws = connect(url, new Client());
        await(() -> !host.opened.isEmpty(), "the session to open");
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        await(() -> host.endedBecause.contains("the client closed the websocket"), "the host's end to hear it");
        await(() -> !host.sessions.getFirst().isOpen(), "the host's end to close");
    }

    @Test
    void aHostThatVanishesClosesTheWebsocket() throws Exception {
        ContainerEntity c = rows.insert("vanishing", ContainerStatus.RUNNING, HOST);
        EchoingHost host = host();
        String url = given().queryParam("command", "sh").queryParam("interactive", "true").when()
                .post(path(c, "execute")).then().statusCode(200).extract().path("url");
        Client client = new Client();
        connect(url, client);
        await(() -> !host.opened.isEmpty(), "the session to open");
        // as when the agent's connection dies: its queue goes with it, and no end frame is sent
        host.vanish();
        assertEquals("the other end of the session has gone", client.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void anInteractiveExecOnAStoppedContainerIs409NamingItsStatus() {
        ContainerEntity c = rows.insert("stopped-shell", ContainerStatus.STOPPED, HOST);
        given().queryParam("command", "/bin/sh").queryParam("interactive", "true").when().post(path(c, "execute"))
                .then().statusCode(409)
                .body("errors[0].code", equalTo("container.invalid-state-exception"))
                .body("errors[0].detail", equalTo("Cannot execute container " + c.uuid + " in Stopped state."));
    }

    @Test
    void attachAnswersTheWebsocketAsAJsonStringAndResizeReachesTheHost() throws Exception {
        ContainerEntity c = rows.insert("attached", ContainerStatus.RUNNING, HOST, e -> e.interactive = true);
        EchoingHost host = host();
        Response answer = given().when().get(path(c, "attach"));
        answer.then().statusCode(200);
        String url = json.readTree(answer.asString()).asText();
        assertTrue(url.matches("ws://[^/]+:" + port + "/container/v1/console\\?token=.*"), url);
        Client client = new Client();
        WebSocket ws = connect(url, client);
        type(ws, "ls\n");
        await(() -> client.text().equals("ls\n"), "the echo");
        assertEquals(OpenConsole.ATTACH, host.opened.getFirst().kind());

        given().queryParam("h", "40").queryParam("w", "120").when().post(path(c, "resize")).then().statusCode(200)
                .body(equalTo("null"));
        assertEquals(40, host.resized.getFirst().height());
        assertEquals(120, host.resized.getFirst().width());
        given().queryParam("h", "0").queryParam("w", "120").when().post(path(c, "resize")).then().statusCode(400)
                .body("errors[0].detail", startsWith("Invalid input for query parameters 'h'."));
        given().queryParam("w", "120").when().post(path(c, "resize")).then().statusCode(400);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }

    @Test
    void attachToANonInteractiveContainerIsZunsNoInteractiveFlagAndToAStoppedOne409() {
        ContainerEntity plain = rows.insert("plain", ContainerStatus.RUNNING, HOST);
        given().when().get(path(plain, "attach")).then().statusCode(400)
                .body("errors[0].code", equalTo("container.no-interactive-flag"))
                .body("errors[0].detail", equalTo("Container doesn't support to be attached, please check the "
                        + "interactive set properly"));
        ContainerEntity stopped = rows.insert("resting-tty", ContainerStatus.STOPPED, HOST, e -> e.interactive = true);
        given().when().get(path(stopped, "attach")).then().statusCode(409)
                .body("errors[0].detail", equalTo("Cannot attach container " + stopped.uuid + " in Stopped state."));
        given().queryParam("h", "4").queryParam("w", "4").when().post(path(stopped, "resize")).then()
                .statusCode(409)
                .body("errors[0].detail", equalTo("Cannot resize container " + stopped.uuid + " in Stopped state."));
    }

    @Test
    void aFollowedLogStreamsLinesUntilTheLogEnds() throws Exception {
        ContainerEntity c = rows.insert("chatty", ContainerStatus.RUNNING, HOST);
        EchoingHost host = host("first\n");
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + path(c, "logs") + "?follow=true&tail=10")).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
        InputStream body = response.body();
        assertEquals("first\n", new String(body.readNBytes(6), StandardCharsets.UTF_8));
        OpenConsole opened = host.opened.getFirst();
        assertEquals(OpenConsole.LOGS, opened.kind());
        assertEquals(10, opened.logs().tail());
        assertEquals(0, opened.idleTimeoutSeconds(), "a quiet log is no idle terminal");
        host.sessions.getFirst().send("second\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("second\n", new String(body.readNBytes(7), StandardCharsets.UTF_8));
        host.sessions.getFirst().end("the log ended");
        assertEquals(-1, body.read());
    }

    @Test
    void aFollowingClientThatGoesEndsTheSession() throws Exception {
        ContainerEntity c = rows.insert("followed", ContainerStatus.RUNNING, HOST);
        EchoingHost host = host("one\n");
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + path(c, "logs") + "?follow=true")).build(), HttpResponse.BodyHandlers.ofInputStream());
        InputStream body = response.body();
        assertNotNull(body.readNBytes(4));
        body.close();
        await(() -> host.endedBecause.contains("the client stopped following the log"), "the host's end to hear it");
    }
}
