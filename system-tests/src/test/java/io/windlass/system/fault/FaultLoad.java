package io.windlass.system.fault;

import io.restassured.response.Response;
import io.windlass.system.ContainersApi;
import io.windlass.system.ServersApi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The load of one fault round: {@code creates} creates (containers, servers and capsules in turn),
 * {@code inFlight} at a time, with the fault injected once a third of them have been answered, so
 * that it lands while the rest are in flight: in the api-service, on the bus, in the conductor,
 * the scheduler or an agent.
 * <p>
 * A create is either accepted (202, and then it must run or fail with a reason) or refused: with a
 * 503 by the api-service while a part it needs is away, which must leave nothing behind; or with a
 * 502, 503 or 504 by the load balancer, when the api replica died under the request, which may
 * have committed it or not (a client cannot tell either). Any other answer fails the round.
 */
final class FaultLoad {
    enum Kind { CONTAINER, SERVER, CAPSULE }

    /** A create that got 202. */
    record Accepted(String uuid, Kind kind, String name) {
    }

    /**
     * A create refused during the fault, and what was said: by the api-service (it carries a
     * request id) or by the load balancer in front of it (it does not).
     */
    record Refused(Kind kind, String name, int status, String requestId, String body) {
        boolean byTheBalancer() {
            return requestId == null;
        }
    }

    record Result(List<Accepted> accepted, List<Refused> refused) {
    }

    /** A fault that may throw what setting it up throws. */
    interface Fault {
        void inject() throws Exception;
    }

    private final ContainersApi containers;
    private final ServersApi servers;
    private final String image;

    FaultLoad(ContainersApi containers, ServersApi servers, String image) {
        this.containers = containers;
        this.servers = servers;
        this.image = image;
    }

    Result run(String round, int creates, int inFlight, Fault fault) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(inFlight);
        CountDownLatch firstThird = new CountDownLatch(Math.max(1, creates / 3));
        List<Accepted> accepted = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        Map<Integer, Future<Object>> answers = new ConcurrentHashMap<>();
        try {
            for (int i = 0; i < creates; i++) {
                int n = i;
                answers.put(n, clients.submit(() -> {
                    try {
                        return create(round, n);
                    } finally {
                        firstThird.countDown();
                    }
                }));
            }
            if (!firstThird.await(120, TimeUnit.SECONDS)) {
                throw new AssertionError("a third of the creates were not answered within 120 s");
            }
            fault.inject();
            for (int i = 0; i < creates; i++) {
                Object answer = answers.get(i).get(180, TimeUnit.SECONDS);
                if (answer instanceof Accepted a) {
                    accepted.add(a);
                } else {
                    refused.add((Refused) answer);
                }
            }
        } finally {
            clients.shutdownNow();
        }
        return new Result(accepted, refused);
    }

    /** Create number {@code n}: two containers, a server, a capsule, and again. */
    private Object create(String round, int n) {
        Kind kind = switch (n % 4) {
            case 2 -> Kind.SERVER;
            case 3 -> Kind.CAPSULE;
            default -> Kind.CONTAINER;
        };
        String name = "st-fault-" + round + "-" + n;
        Response answer = switch (kind) {
            case CONTAINER -> containers.create(Map.of("name", name, "image", "busybox",
                    "command", List.of("sleep", "3600"), "memory", 16), true);
            case SERVER -> servers.request().body(Map.of("server", Map.of("name", name,
                    "flavorRef", "0", "imageRef", image, "networks", "none"))).post("/servers");
            case CAPSULE -> containers.request().body(Map.of("template", Map.of("kind", "capsule",
                    "metadata", Map.of("name", name),
                    "spec", Map.of("containers", List.of(Map.of("name", "app", "image", "busybox",
                            "command", List.of("sleep", "3600"))))))).post("/capsules");
        };
        if (answer.statusCode() == 202) {
            String uuid = kind == Kind.SERVER ? answer.jsonPath().getString("server.id")
                    : answer.jsonPath().getString("uuid");
            return new Accepted(uuid, kind, name);
        }
        if (answer.statusCode() == 503 || answer.statusCode() == 502 || answer.statusCode() == 504) {
            return new Refused(kind, name, answer.statusCode(), answer.header("x-openstack-request-id"),
                    answer.asString());
        }
        throw new AssertionError("create of " + kind + " " + name + " answered " + answer.statusCode() + ": "
                + answer.asString());
    }
}
