package io.windlass.system;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A whole Windlass deployment for one test class: the four services as separate processes,
 * started from their packaged {@code quarkus-run.jar} against the real PostgreSQL, RabbitMQ
 * and dockerd, and torn down afterwards. Register it with
 * {@code @RegisterExtension static final WindlassSystem system = new WindlassSystem();}.
 * <p>
 * Everything that could collide with a developer's {@code deploy/local/up} or another test run
 * is unique: HTTP ports (287xx), RPC namespace, database ({@code windlass_st}) and agent host.
 * At the end the class fails if any service logged an ERROR that is not on the allow-list.
 */
public final class WindlassSystem implements BeforeAllCallback, AfterAllCallback {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    // -Dwindlass.st.database lets two checkouts run system tests at once (with windlass.st.port-offset)
    private static final String DATABASE_URL = "jdbc:postgresql://127.0.0.1:5432/"
            + System.getProperty("windlass.st.database", "windlass_st");

    private final Path root;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final String namespace = "st-" + runId;
    private final String agentHost = "st-host-" + runId;
    private final DockerCli docker = new DockerCli();
    private final TestDatabase database = new TestDatabase(DATABASE_URL);
    private final TestBroker broker = new TestBroker(namespace, agentHost);
    private final ServiceLogCheck logCheck = ServiceLogCheck.withDefaultAllowList();
    /** Random per run: a fixed password in a test would be a default someone copies. */
    private final Credentials admin = Credentials.admin("st-" + UUID.randomUUID());
    private final IdentityApi identity = new IdentityApi(apiUrl() + "/v3");
    private volatile String adminToken;
    private final ContainersApi containers = new ContainersApi(apiUrl() + "/container/v1", this::adminToken);
    private final Map<WindlassService, ServiceProcess> processes = new EnumMap<>(WindlassService.class);
    /** Additional replicas (api-service with other settings, a second scheduler), stopped at teardown. */
    private final List<ServiceProcess> extras = new ArrayList<>();
    private final List<EngineHost> engineHosts = new ArrayList<>();
    /** How each extra was started, so that it can be killed and started again. */
    private final java.util.Map<ServiceProcess, Extra> extraLaunches = new java.util.HashMap<>();
    private boolean balancerStarted;
    /** Processes a test restarted: stopped, but their logs are still checked for errors. */
    private final List<ServiceProcess> retired = new ArrayList<>();
    private final Map<WindlassService, List<String>> overrides = new EnumMap<>(WindlassService.class);
    private final Map<WindlassService, Path> jars = new EnumMap<>(WindlassService.class);
    private Path logDir;
    private List<String> simulatedHosts = List.of();
    private final AtomicBoolean tornDown = new AtomicBoolean();
    private String startupReport = "";
    /** Set: the services run from their container images (-Dwindlass.st.images). */
    private final Optional<ServiceImages> images = ServiceImages.requested();

    public WindlassSystem() {
        this.root = Path.of(System.getProperty("windlass.root", "..")).toAbsolutePath().normalize();
    }

    /**
     * Starts {@code service} with one more setting ({@code key=value}), for a test class that needs,
     * for example, a short service-down time.
     */
    public WindlassSystem withProperty(WindlassService service, String keyEqualsValue) {
        overrides.computeIfAbsent(service, s -> new ArrayList<>()).add("-D" + keyEqualsValue);
        return this;
    }

    /**
     * SIMULATION: the agent runs the fake driver as {@code count} hosts of the given size instead
     * of driving Docker; they are named {@code <agent host>-sim-0001}... (see {@link #simulatedHosts})
     * and their queues are deleted with the run's.
     */
    public WindlassSystem withSimulatedHosts(int count, double vcpus, long memoryMb, long diskGb) {
        withProperty(WindlassService.AGENT, "windlass.agent.driver=fake");
        withProperty(WindlassService.AGENT, "windlass.agent.fake.host-count=" + count);
        withProperty(WindlassService.AGENT, "windlass.agent.fake.host-prefix=" + agentHost + "-sim-");
        withProperty(WindlassService.AGENT, "windlass.agent.fake.vcpus=" + vcpus);
        withProperty(WindlassService.AGENT, "windlass.agent.fake.memory-mb=" + memoryMb);
        withProperty(WindlassService.AGENT, "windlass.agent.fake.disk-gb=" + diskGb);
        simulatedHosts = java.util.stream.IntStream.rangeClosed(1, count)
                .mapToObj(i -> String.format(Locale.ROOT, "%s-sim-%04d", agentHost, i)).toList();
        broker.alsoDeleteComputeQueuesOf(simulatedHosts);
        return this;
    }

    /** Names of the hosts the fake agent simulates ({@link #withSimulatedHosts}); empty otherwise. */
    public List<String> simulatedHosts() {
        return simulatedHosts;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        String run = context.getRequiredTestClass().getSimpleName();
        Path target = root.resolve("system-tests/target");
        // if the test JVM is killed (Ctrl-C, surefire time-out) the run must not leave services or containers
        Runtime.getRuntime().addShutdownHook(new Thread(this::tearDown, "windlass-system-teardown"));
        try {
            start(target.resolve("st-apps").resolve(run), target.resolve("st-logs").resolve(run));
        } catch (IOException | RuntimeException e) {
            tearDown();
            throw e;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        tearDown();
        List<String> errors = new ArrayList<>();
        List<ServiceProcess> all = new ArrayList<>(processes.values());
        all.addAll(retired);
        all.addAll(extras);
        for (ServiceProcess process : all) {
            logCheck.unexpectedErrors(process.readLog())
                    .forEach(line -> errors.add(process.service().module() + ": " + line));
        }
        if (!errors.isEmpty()) {
            throw new AssertionError("services logged unexpected ERROR lines:\n  " + String.join("\n  ", errors));
        }
    }

    /** Stops the services, then removes the run's engine containers and broker topology; once. */
    private void tearDown() {
        if (!tornDown.compareAndSet(false, true)) {
            return;
        }
        if (balancerStarted) {
            try {
                balancer("stop");
            } catch (IOException | RuntimeException e) {
                System.out.printf("could not stop the load balancer: %s%n", e.getMessage());
            }
        }
        stopServices();
        removeEngineContainers();
        for (EngineHost host : engineHosts) {
            try {
                host.stop(root);
            } catch (IOException | RuntimeException e) {
                System.out.printf("could not remove compute host %s: %s%n", host.name(), e.getMessage());
            }
        }
        try {
            broker.delete();
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("cannot delete the RabbitMQ queues of namespace " + namespace, e);
        }
    }

    private void start(Path appDir, Path logDir) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        for (WindlassService service : WindlassService.values()) {
            jars.put(service, privateCopy(service, appDir.resolve(service.module())));
        }
        this.logDir = logDir;
        database.reset();
        // plain stdout: it is what surefire shows next to the test, and the test JVM has no log configuration
        System.out.printf("starting Windlass (namespace %s, agent host %s, logs in %s)%n", namespace, agentHost, logDir);
        // all four start at once: Flyway serialises the concurrent migrations with an advisory lock
        for (WindlassService service : WindlassService.values()) {
            Path log = logDir.resolve(service.module() + ".log");
            processes.put(service, images.isPresent()
                    ? ServiceProcess.start(service, images.get().launcher(service, containerName(service)),
                    ServiceImages.JAVA, ServiceImages.JAR, systemProperties(service), log)
                    : ServiceProcess.start(service, java, jars.get(service), systemProperties(service), log));
        }
        for (ServiceProcess process : processes.values()) {
            process.awaitReady(READY_TIMEOUT);
        }
        adminToken = identity.issueToken(admin);
        startupReport = servicesReport();
        System.out.print("Windlass is ready:\n" + startupReport);
    }

    /**
     * Copies the packaged application and returns the copy's jar. Quarkus loads classes lazily
     * from its lib directory, so a rebuild of the module while the test runs (a developer's
     * {@code package}) would otherwise swap jars under a running service and hang it.
     */
    private Path privateCopy(WindlassService service, Path target) throws IOException {
        Path app = root.resolve(service.module()).resolve("target/quarkus-app");
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(app.resolve("quarkus-run.jar") + " is missing: build the services first "
                    + "(./mvnw package -DskipTests, or run the whole reactor with deploy/local/test)");
        }
        deleteTree(target);
        try (Stream<Path> files = Files.walk(app)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(app.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        }
        return target.resolve("quarkus-run.jar");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private List<String> systemProperties(WindlassService service) {
        List<String> props = new ArrayList<>(jvmOptions(service));
        props.addAll(List.of(
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + service.port(),
                "-Dwindlass.rpc.namespace=" + namespace,
                "-Dwindlass.rpc.quorum-queues=false"));
        if (service.usesDatabase()) {
            props.add("-Dquarkus.datasource.jdbc.url=" + DATABASE_URL);
        }
        if (service == WindlassService.API) {
            props.add("-Dwindlass.identity.bootstrap.admin-user=" + admin.user());
            props.add("-Dwindlass.identity.bootstrap.admin-password=" + admin.password());
            props.add("-Dwindlass.identity.bootstrap.admin-project=" + admin.project());
        }
        props.addAll(overrides.getOrDefault(service, List.of()));
        if (service == WindlassService.AGENT) {
            props.add("-Dwindlass.agent.host=" + agentHost);
            // the conductor learns about the host from heartbeats; a short interval makes it schedulable at once
            props.add("-Dwindlass.agent.heartbeat-interval=2s");
        }
        return props;
    }

    /**
     * The JVM options every deployment gives the service ({@code deploy/jvm.options} and
     * {@code deploy/jvm/<module>.options}, or the image's copies), so that tests and benchmarks run
     * it as operators do; {@code -Dwindlass.system.jvm-options} names one file instead, or
     * {@code defaults} none (a benchmark's baseline).
     */
    private List<String> jvmOptions(WindlassService service) {
        String chosen = System.getProperty("windlass.system.jvm-options", "");
        if (images.isPresent()) {
            return List.of("@" + ServiceImages.JVM_OPTIONS, "@" + ServiceImages.SERVICE_OPTIONS);
        }
        return chosen.equals("defaults") ? List.of() : !chosen.isEmpty() ? List.of("@" + Path.of(chosen).toAbsolutePath())
                : List.of("@" + root.resolve("deploy/jvm.options"),
                "@" + root.resolve("deploy/jvm").resolve(service.module() + ".options"));
    }

    /**
     * Starts one more api-service replica of this run (same database and namespace) on
     * {@code port}, with extra system properties, e.g. another auth strategy. Stopped at teardown.
     */
    public String startExtraApi(String name, int port, List<String> extraProperties) throws IOException {
        startExtra(WindlassService.API, name, port, extraProperties);
        return "http://127.0.0.1:" + port;
    }

    /**
     * Starts another scheduler-service replica of this run (same database and namespace, so it
     * consumes the same {@code scheduler} queue) on {@code port}. Stopped at teardown; its log
     * is checked for errors like the others'.
     */
    public ServiceProcess startExtraScheduler(String name, int port, List<String> extraProperties) throws IOException {
        return startExtra(WindlassService.SCHEDULER, name, port, extraProperties);
    }

    private ServiceProcess startExtra(WindlassService service, String name, int port, List<String> extraProperties)
            throws IOException {
        List<String> props = new ArrayList<>(systemProperties(service));
        props.replaceAll(p -> p.startsWith("-Dquarkus.http.port=") ? "-Dquarkus.http.port=" + port : p);
        props.addAll(extraProperties);
        return launchExtra(new Extra(service, name, port, props));
    }

    /** An extra process: what it is, the name in its log file's, its port and its system properties. */
    private record Extra(WindlassService service, String name, int port, List<String> props) {
    }

    private ServiceProcess launchExtra(Extra extra) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        long earlier = extraLaunches.values().stream()
                .filter(e -> e.service() == extra.service() && e.name().equals(extra.name())).count();
        ServiceProcess process = ServiceProcess.start(extra.service(), java, jars.get(extra.service()), extra.props(),
                logDir.resolve(extra.service().module() + "-" + extra.name() + (earlier == 0 ? "" : "-" + (earlier + 1))
                        + ".log"));
        extras.add(process);
        extraLaunches.put(process, extra);
        process.awaitReady(READY_TIMEOUT, extra.port());
        return process;
    }

    /**
     * A second process of the api, conductor and scheduler services, and a load balancer (HAProxy,
     * as {@code up --replicas} runs it: {@code deploy/local/balancer}) on {@code balancerPort} in
     * front of both api replicas. Returns the balancer's URL and the second api replica.
     */
    public Replicas startReplicas(int balancerPort) throws IOException {
        ServiceProcess api = startExtra(WindlassService.API, "replica", WindlassService.API.port() + 1, List.of());
        startExtra(WindlassService.CONDUCTOR, "replica", WindlassService.CONDUCTOR.port() + 4, List.of());
        startExtra(WindlassService.SCHEDULER, "replica", WindlassService.SCHEDULER.port() + 4, List.of());
        balancer("start", String.valueOf(balancerPort), String.valueOf(WindlassService.API.port()),
                String.valueOf(WindlassService.API.port() + 1));
        balancerStarted = true;
        return new Replicas("http://127.0.0.1:" + balancerPort, api);
    }

    /** @param apiUrl the balancer's URL; {@code api} the second api replica behind it */
    public record Replicas(String apiUrl, ServiceProcess api) {
    }

    /** {@code kill -9} an extra process ({@link #startReplicas}, ...) and start it again as it was. */
    public ServiceProcess killAndRestart(ServiceProcess extra) throws IOException {
        Extra launch = extraLaunches.get(extra);
        if (launch == null) {
            throw new IllegalArgumentException("not an extra process of this run: " + extra.pid());
        }
        extra.kill();
        return launchExtra(launch);
    }

    private void balancer(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(root.resolve("deploy/local/balancer").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("WINDLASS_STATE", root.resolve("system-tests/target/st-balancer").toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("deploy/local/balancer " + String.join(" ", args) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Makes compute host {@code number} (its namespace and dockerd, {@link EngineHost}) and starts
     * an agent driving it on {@code agentPort}, inside the host's namespace like {@code up --hosts}:
     * it reaches the broker over the host's link only. Both go at teardown, with every container of
     * that engine.
     */
    public EngineHost startEngineHost(int number, int agentPort) throws IOException {
        return startEngineHost(number, agentPort, false);
    }

    /**
     * As {@link #startEngineHost(int, int)}; with {@code ownConfigDrives}, the agent keeps its config
     * drives in a directory of its own, as on a machine of its own. The hosts share this machine's
     * filesystem, and a server that moves is on two of them at once (a cold migration until it is
     * confirmed): each must remove only its own copy's drive.
     */
    public EngineHost startEngineHost(int number, int agentPort, boolean ownConfigDrives) throws IOException {
        EngineHost host = EngineHost.start(root, number);
        engineHosts.add(host);
        List<String> props = new ArrayList<>(systemProperties(WindlassService.AGENT));
        props.replaceAll(p -> p.startsWith("-Dquarkus.http.port=") ? "-Dquarkus.http.port=" + agentPort
                : p.startsWith("-Dquarkus.http.host=") ? "-Dquarkus.http.host=" + host.address() : p);
        props.addAll(List.of("-Dwindlass.agent.host=" + host.name(), "-Dwindlass.agent.docker-host=" + host.socket(),
                "-Dwindlass.rpc.host=" + host.brokerAddress(), "-Dwindlass.agent.underlay-address=" + host.address()));
        if (ownConfigDrives) {
            props.add("-Dwindlass.agent.server.config-drive-dir=" + root.resolve("system-tests/target/st-hosts")
                    .resolve(host.name()).resolve("config-drives"));
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ServiceProcess agent = ServiceProcess.start(WindlassService.AGENT,
                List.of("nsenter", "--net=/run/netns/" + host.name()), java, jars.get(WindlassService.AGENT), props,
                logDir.resolve(WindlassService.AGENT.module() + "-" + host.name() + ".log"));
        extras.add(agent);
        agent.awaitReady(READY_TIMEOUT, host.address(), agentPort);
        return host;
    }

    /** Cuts a compute host's link ({@link EngineHost#cutLink}); {@link #restoreLink} brings it back. */
    public void cutLink(EngineHost host) throws IOException {
        host.cutLink(root);
    }

    public void restoreLink(EngineHost host) throws IOException {
        host.restoreLink(root);
    }

    /** Restarts the dockerd of one of this run's compute hosts ({@link #startEngineHost}). */
    public void restartEngine(EngineHost host) throws IOException {
        host.restartEngine(root);
    }

    /** Stops a service (SIGTERM, as an operator would) without starting it again. */
    public void stop(WindlassService service) {
        processes.get(service).stop();
    }

    /** Starts a stopped service again with the same settings; its new log is {@code <module>-<n>.log}. */
    public void restart(WindlassService service) throws IOException {
        restart(service, false);
    }

    /** {@code kill -9} a service, as a crash would, and start it again. */
    public void killAndRestart(WindlassService service) throws IOException {
        restart(service, true);
    }

    private void restart(WindlassService service, boolean kill) throws IOException {
        ServiceProcess old = processes.get(service);
        if (kill) {
            old.kill();
        } else {
            old.stop();
        }
        retired.add(old);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ServiceProcess fresh = ServiceProcess.start(service, java, jars.get(service), systemProperties(service),
                logDir.resolve(service.module() + "-" + (retired.size() + 1) + ".log"));
        processes.put(service, fresh);
        fresh.awaitReady(READY_TIMEOUT);
    }

    /**
     * Stops {@code services} and starts them again all at once, each with the JVM options {@code jvmOptions}
     * gives it ahead of its settings (e.g. {@code -XX:AOTCache}), for start-up measurements.
     *
     * @return each service's time from the common launch to its first ready answer
     */
    public Map<WindlassService, Duration> relaunch(List<WindlassService> services,
                                                   Function<WindlassService, List<String>> jvmOptions)
            throws IOException {
        for (int i = services.size() - 1; i >= 0; i--) {
            ServiceProcess old = processes.get(services.get(i));
            old.stop();
            retired.add(old);
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        long launched = System.nanoTime();
        Map<WindlassService, ServiceProcess> fresh = new EnumMap<>(WindlassService.class);
        for (WindlassService service : services) {
            List<String> options = new ArrayList<>(jvmOptions.apply(service));
            options.addAll(systemProperties(service));
            fresh.put(service, ServiceProcess.start(service, java, jars.get(service), options,
                    logDir.resolve(service.module() + "-" + (retired.size() + 1) + ".log")));
            processes.put(service, fresh.get(service));
        }
        Map<WindlassService, Duration> ready = new EnumMap<>(WindlassService.class);
        long deadline = launched + READY_TIMEOUT.toNanos();
        while (ready.size() < services.size()) {
            for (Map.Entry<WindlassService, ServiceProcess> e : fresh.entrySet()) {
                if (!ready.containsKey(e.getKey()) && e.getValue().probeReady()) {
                    ready.put(e.getKey(), Duration.ofNanos(System.nanoTime() - launched));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not ready after " + READY_TIMEOUT + ": "
                        + services.stream().filter(svc -> !ready.containsKey(svc)).toList());
            }
            Poller.pause(Duration.ofMillis(20));
        }
        return ready;
    }

    private void stopServices() {
        extras.forEach(ServiceProcess::stop);
        // reverse order: the agent stops reporting before the conductor goes away
        List<ServiceProcess> running = new ArrayList<>(processes.values());
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).stop();
        }
        images.ifPresent(i -> processes.keySet().forEach(service -> i.remove(docker, containerName(service))));
    }

    private String containerName(WindlassService service) {
        return namespace + "-" + service.module();
    }

    /** Removes the engine containers of this run only; a developer's own Windlass containers stay. */
    private void removeEngineContainers() {
        Set<String> uuids = new HashSet<>(containers.created());
        uuids.addAll(database.containerUuids());
        Set<String> leftovers = new HashSet<>();
        for (String uuid : uuids) {
            leftovers.addAll(docker.idsWithLabel("windlass.uuid", uuid));
            docker.inspect(ContainersApi.engineName(uuid), "{{.Id}}").ifPresent(leftovers::add);
        }
        // one engine listing rather than one per server: a benchmark leaves 10,000 server rows
        Set<String> servers = new HashSet<>(database.serverUuids());
        docker.labelValues("windlass.server.uuid").forEach((id, uuid) -> {
            if (servers.contains(uuid)) {
                leftovers.add(id);
            }
        });
        Set<String> capsules = new HashSet<>(database.capsuleUuids());
        docker.labelValues("windlass.capsule").forEach((id, uuid) -> {
            if (capsules.contains(uuid)) {
                leftovers.add(id);
            }
        });
        if (!leftovers.isEmpty()) {
            System.out.printf("removing %d engine container(s) left by the run%n", leftovers.size());
            docker.removeForcibly(leftovers);
        }
    }

    /** One line per service: pid, Quarkus start-up time and resident memory right after start. */
    public String startupReport() {
        return startupReport;
    }

    /**
     * One line per service as it is now: pid, Quarkus start-up time and resident memory, then the
     * control plane's total (issue 17 sets limits on it after start and after a benchmark).
     */
    public String servicesReport() {
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "%-18s %8s %10s %10s%n",
                "service", "pid", "startup", "RSS"));
        long totalKiB = 0;
        for (ServiceProcess p : processes.values()) {
            // from the images, the process started is the docker CLI; the JVM is in the container
            long pid = images.isPresent()
                    ? images.get().jvmPid(docker, containerName(p.service())).orElse(p.pid()) : p.pid();
            OptionalLong rss = ServiceProcess.residentKiB(pid);
            report.append(String.format(Locale.ROOT, "%-18s %8d %10s %10s%n", p.service().module(), pid,
                    p.startupSeconds().isPresent() ? String.format(Locale.ROOT, "%.3f s", p.startupSeconds().getAsDouble()) : "?",
                    rss.isPresent() ? (rss.getAsLong() / 1024) + " MiB" : "?"));
            totalKiB += rss.orElse(0);
        }
        return report.append(String.format(Locale.ROOT, "%-18s %8s %10s %10s%n", "control plane", "", "",
                totalKiB / 1024 + " MiB")).toString();
    }

    /** The API's root URL, e.g. {@code http://127.0.0.1:28774}; OS_AUTH_URL is this plus {@code /v3}. */
    public static String apiUrl() {
        return "http://127.0.0.1:" + WindlassService.API.port();
    }

    /** The containers API acting as the bootstrap admin (project {@code admin}). */
    public ContainersApi containers() {
        return containers;
    }

    public IdentityApi identity() {
        return identity;
    }

    public Credentials admin() {
        return admin;
    }

    /** A token of the bootstrap admin, scoped to project {@code admin}, issued when the system started. */
    public String adminToken() {
        if (adminToken == null) {
            throw new IllegalStateException("the system has not started: no admin token yet");
        }
        return adminToken;
    }

    /** The run's PostgreSQL database, for assertions on what the services stored. */
    public TestDatabase database() {
        return database;
    }

    public DockerCli docker() {
        return docker;
    }

    public String agentHost() {
        return agentHost;
    }

    public ServiceProcess process(WindlassService service) {
        return processes.get(service);
    }
}
