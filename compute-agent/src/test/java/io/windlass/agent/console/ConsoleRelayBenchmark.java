package io.windlass.agent.console;

import com.github.dockerjava.api.DockerClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.agent.driver.docker.DockerClientFactory;
import io.windlass.agent.testing.AgentQueuesReset;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.console.ConsoleQueues;
import io.windlass.console.ConsoleStream;
import io.windlass.console.cdi.ConsoleTimer;
import io.windlass.container.ContainerExec;
import io.windlass.container.ContainerSpec;
import io.windlass.container.OpenConsole;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RpcConnection;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a test (no assertion on figures; {@code deploy/local/bench-console} runs it): an interactive
 * exec relayed over RabbitMQ by this agent (the api-service's side played here, as the api-service
 * plays it, minus the websocket hop) against a direct {@code docker exec -i} pipe to the same
 * busybox container, in the same run, in interleaved rounds: output throughput (a process printing
 * {@code windlass.bench.mib} MiB of one long line) and keystroke round trips (a byte typed into {@code cat} until its
 * echo is back). Writes {@code target/benchmark-console.txt}.
 */
@QuarkusTest
@WithTestResource(AgentQueuesReset.class)
class ConsoleRelayBenchmark {
    private static final String HOST = AgentQueuesReset.HOST;
    private static final Map<String, String> LABELS = Map.of("windlass.test", "console-relay-benchmark");
    private static final int MIB = Integer.getInteger("windlass.bench.mib", 32);
    private static final int ROUNDS = Integer.getInteger("windlass.bench.rounds", 3);
    private static final int KEYS = Integer.getInteger("windlass.bench.keys", 200);

    @Inject
    ComputeRpcApi compute;
    @Inject
    RpcConnection connection;
    @Inject
    ConsoleTimer timer;

    private final RequestContext ctx = new RequestContext("req-" + UUID.randomUUID(), null, "bench", "bench",
            List.of("admin"));
    private final String uuid = UUID.randomUUID().toString();

    @Test
    void relayAgainstADirectPipe() throws Exception {
        DockerClient docker = DockerClientFactory.create("unix:///var/run/docker.sock", Duration.ofSeconds(30));
        String name = ContainerSpec.engineName(uuid);
        docker.createContainerCmd("busybox:latest").withName(name).withCmd("sleep", "3600").withLabels(LABELS)
                .exec();
        docker.startContainerCmd(name).exec();
        try {
            List<Double> relayMibs = new ArrayList<>();
            List<Double> pipeMibs = new ArrayList<>();
            List<Long> relayTrips = new ArrayList<>();
            List<Long> pipeTrips = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                relayMibs.add(relayThroughput());
                pipeMibs.add(pipeThroughput(name));
                relayTrips.addAll(relayRoundTrips());
                pipeTrips.addAll(pipeRoundTrips(name));
            }
            StringBuilder out = new StringBuilder();
            out.append("Interactive exec: relay (agent + RabbitMQ, tty) against docker exec -i (pipe); ")
                    .append(ROUNDS).append(" interleaved rounds; ").append(Instant.now()).append(", load average ")
                    .append(Files.readString(Path.of("/proc/loadavg")).strip()).append('\n');
            out.append(String.format("output of %d MiB, MiB/s (median of rounds)   relay %8.1f   pipe %8.1f%n",
                    MIB, median(relayMibs), median(pipeMibs)));
            out.append(String.format("keystroke round trip, ms (%d per round)   relay p50 %6.2f p95 %6.2f   "
                    + "pipe p50 %6.2f p95 %6.2f%n", KEYS, pct(relayTrips, 50), pct(relayTrips, 95),
                    pct(pipeTrips, 50), pct(pipeTrips, 95)));
            System.out.print(out);
            Files.writeString(Path.of("target", "benchmark-console.txt"), out);
        } finally {
            docker.removeContainerCmd(name).withForce(true).exec();
            docker.close();
        }
    }

    /** One relayed session: its bytes into a queue the benchmark reads, and its end. */
    private final class Session implements ConsoleStream.Listener {
        final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
        final AtomicLong bytes = new AtomicLong();
        final CompletableFuture<String> ended = new CompletableFuture<>();
        final ConsoleStream stream;

        Session(String... command) {
            String session = UUID.randomUUID().toString();
            stream = ConsoleStream.apiEnd(connection, ConsoleQueues.of(connection.settings(), HOST, session), this,
                    new ConsoleStream.Settings(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(60)),
                    timer.executor());
            String execId = compute.containerExec(HOST, ctx, new ContainerExec(uuid, List.of(command), false, true))
                    .execId();
            compute.openConsole(HOST, ctx, new OpenConsole(session, uuid, OpenConsole.EXEC, execId, null, 0));
        }

        @Override
        public void onData(byte[] data) {
            bytes.addAndGet(data.length);
            chunks.add(data);
        }

        @Override
        public void onEnd(String reason) {
            ended.complete(reason);
        }
    }

    private double relayThroughput() throws Exception {
        long start = System.nanoTime();
        Session s = new Session(printer());
        String reason = s.ended.get(120, TimeUnit.SECONDS);
        if (s.bytes.get() < ((long) MIB << 20)) {
            throw new IllegalStateException("the relay brought " + s.bytes.get() + " bytes, then ended: " + reason);
        }
        return mibPerSecond(s.bytes.get(), start);
    }

    private double pipeThroughput(String name) throws Exception {
        long start = System.nanoTime();
        List<String> command = new ArrayList<>(List.of("docker", "exec", "-i", name));
        command.addAll(List.of(printer()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long n = p.getInputStream().transferTo(OutputStream.nullOutputStream());
        p.waitFor(120, TimeUnit.SECONDS);
        return mibPerSecond(n, start);
    }

    /**
     * The output: one long line of {@code x} (no NUL: docker-java takes a tty stream that starts with
     * one for a multiplexed header; no newline: a terminal would make each two bytes).
     */
    private static String[] printer() {
        return new String[]{"sh", "-c", "head -c " + (MIB << 20) + " /dev/zero | tr '\\0' x"};
    }

    private List<Long> relayRoundTrips() throws Exception {
        Session s = new Session("cat");
        List<Long> trips = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            long start = System.nanoTime();
            s.stream.send("x".getBytes(StandardCharsets.UTF_8));
            // the terminal echoes the key; cat's own line comes only with a newline
            s.chunks.poll(10, TimeUnit.SECONDS);
            trips.add(System.nanoTime() - start);
        }
        s.stream.end("the benchmark is done");
        return trips;
    }

    private List<Long> pipeRoundTrips(String name) throws Exception {
        Process p = new ProcessBuilder("docker", "exec", "-i", name, "cat").start();
        List<Long> trips = new ArrayList<>();
        try (OutputStream in = p.getOutputStream(); InputStream out = p.getInputStream()) {
            for (int i = 0; i < KEYS; i++) {
                long start = System.nanoTime();
                // no terminal: cat answers a whole line, so the key is sent with its newline
                in.write("x\n".getBytes(StandardCharsets.UTF_8));
                in.flush();
                out.readNBytes(2);
                trips.add(System.nanoTime() - start);
            }
        }
        p.waitFor(10, TimeUnit.SECONDS);
        return trips;
    }

    private static double mibPerSecond(long bytes, long startNanos) {
        return bytes / (double) (1 << 20) / ((System.nanoTime() - startNanos) / 1e9);
    }

    private static double median(List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static double pct(List<Long> nanos, int percentile) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percentile / 100)) / 1e6;
    }
}
