package io.windlass.rpc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.rabbitmq.client.Channel;
import io.windlass.context.RequestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The broker permissions that docs/reliability.md ("Broker users") prescribes and
 * {@code deploy/local/up} sets, tried on the real RabbitMQ: an agent's user may serve its own
 * queue and send to the conductor, and may neither read nor declare nor delete anything else. The
 * users are made with {@code rabbitmqctl}, as {@code up} makes them, and removed afterwards.
 */
class BrokerPermissionsIT {
    record Note(String text) {
    }

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    private final RequestContext ctx = new RequestContext("req-1", "req-1", "u", "p", List.of("member"));
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String namespace = "it-perm-" + run;
    private final String host = "host-" + run;
    private final String controlUser = "it-control-" + run;
    private final String agentUser = "it-agent-" + run;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void users() throws Exception {
        String ns = namespace.replace(".", "\\.").replace("-", "\\-");
        rabbitmqctl("add_user", controlUser, "secret-" + run);
        // the control plane (api, conductor, scheduler): everything of its namespace
        rabbitmqctl("set_permissions", "-p", "/", controlUser, "^" + ns + "\\..*$",
                "^(" + ns + "\\..*|amq\\.default)$", "^" + ns + "\\..*$");
        rabbitmqctl("add_user", agentUser, "secret-" + run);
        String own = ns + "\\.compute\\." + host.replace("-", "\\-");
        rabbitmqctl("set_permissions", "-p", "/", agentUser, "^" + own + "$",
                "^(" + ns + "\\.rpc|" + own + "|amq\\.default)$", "^(" + ns + "\\.rpc|" + own + ")$");
    }

    @AfterEach
    void removeUsers() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        RpcConnection guest = new RpcConnection(settings("guest", "guest", true), "it-cleanup");
        try (Channel ch = guest.createChannel()) {
            ch.queueDelete(namespace + ".conductor");
            ch.queueDelete(namespace + ".compute." + host);
            ch.exchangeDelete(namespace + ".rpc");
        } finally {
            guest.close();
        }
        rabbitmqctl("delete_user", controlUser);
        rabbitmqctl("delete_user", agentUser);
    }

    @Test
    void anAgentServesItsQueueAndReportsButTouchesNothingElse() throws Exception {
        // the conductor first: it declares the exchange and its queue, as in a deployment
        RpcConnection conductorSide = connect(controlUser, true);
        CompletableFuture<Note> report = new CompletableFuture<>();
        RpcServer conductor = new RpcServer(conductorSide, json);
        open.add(conductor);
        conductor.serve(new RpcEndpoint("conductor", new RpcVersion(1, 0))
                .on("report", Note.class, (c, n) -> report.complete(n)), 1);
        RpcClient conductorClient = new RpcClient(conductorSide, json);
        open.add(conductorClient);

        RpcConnection agentSide = connect(agentUser, false);
        CompletableFuture<Note> create = new CompletableFuture<>();
        RpcServer agent = new RpcServer(agentSide, json);
        open.add(agent);
        agent.serve(new RpcEndpoint("compute." + host, new RpcVersion(1, 0))
                .on("create", Note.class, (c, n) -> create.complete(n)), 1);
        RpcClient agentClient = new RpcClient(agentSide, json);
        open.add(agentClient);

        conductorClient.cast("compute." + host, "create", new RpcVersion(1, 0), ctx, new Note("make it"));
        assertEquals(new Note("make it"), create.get(10, TimeUnit.SECONDS), "the agent serves its own queue");
        agentClient.cast("conductor", "report", new RpcVersion(1, 0), ctx, new Note("made"));
        assertEquals(new Note("made"), report.get(10, TimeUnit.SECONDS), "the agent reports to the conductor");

        assertRefused(agentSide, ch -> ch.basicConsume(namespace + ".conductor", true, (t, d) -> { }, t -> { }),
                "reading the conductor's queue");
        assertRefused(agentSide, ch -> ch.queueDeclare(namespace + ".compute.other-host", true, false, false, Map.of()),
                "declaring another host's queue");
        assertRefused(agentSide, ch -> ch.queueDelete(namespace + ".conductor"), "deleting the conductor's queue");
        assertRefused(agentSide, ch -> ch.exchangeDelete(namespace + ".rpc"), "deleting the exchange");
        assertRefused(agentSide, ch -> ch.queueBind(namespace + ".conductor", namespace + ".rpc", "compute.other"),
                "binding the conductor's queue elsewhere");
    }

    interface ChannelAction {
        void run(Channel channel) throws IOException;
    }

    private static void assertRefused(RpcConnection connection, ChannelAction action, String what) throws Exception {
        Channel ch = connection.createChannel();
        IOException refused = assertThrows(IOException.class, () -> action.run(ch), what + " is refused");
        String cause = String.valueOf(refused.getCause());
        assertTrue(cause.contains("ACCESS_REFUSED"), what + ": " + cause);
        if (ch.isOpen()) {
            ch.close();
        }
    }

    private RpcConnection connect(String user, boolean declareTopology) {
        RpcConnection connection = new RpcConnection(settings(user, "secret-" + run, declareTopology), user);
        open.add(connection);
        return connection;
    }

    private RpcSettings settings(String user, String password, boolean declareTopology) {
        return new RpcSettings("127.0.0.1", 5672, user, password, "/", namespace, false, Duration.ofSeconds(5), 2,
                declareTopology);
    }

    private static void rabbitmqctl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("rabbitmqctl", "-q"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }
}
