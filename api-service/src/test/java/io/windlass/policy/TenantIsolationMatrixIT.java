package io.windlass.policy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import io.windlass.container.ContainerStatus;
import io.windlass.testing.ContainerRows;
import io.windlass.testing.Keystone;
import io.windlass.testing.RealTokens;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tenant isolation matrix: for admin, a member and a reader of project A, a member of project B,
 * no token and a tampered token, every read and write of every family on A's resources and every
 * admin API. Another project's resource is a 404, a reader's write and a non-admin's admin API a
 * 403, a missing or tampered token a 401; the rest is allowed (whatever the state rules then say).
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class TenantIsolationMatrixIT {
    private static final List<String> PERSONAS = List.of("admin", "member", "reader", "other", "none", "tampered");
    private static final String COMPUTE = "compute 2.79";
    private static final String CONTAINER = "container 1.40";

    /** What each persona must get. */
    enum Rule {
        /** A's resource, read: A's users and the admin; B cannot see it. */
        OWN_READ,
        /** A's resource, changed: A's member and the admin; A's reader is refused; B cannot see it. */
        OWN_WRITE,
        /** Admin only, whoever's project. */
        ADMIN_API,
        /** Anyone with a valid token, within their own project. */
        ANY_USER
    }

    record Check(String name, Rule rule, Supplier<String> resource, Function<String, RequestSpecification> call,
                 String method, Function<String, String> path) {
    }

    @Inject
    ContainerRows containers;
    @Inject
    EntityManager em;

    private final Map<String, String> tokens = new LinkedHashMap<>();
    private String projectA;

    @Test
    void everyFamilyEveryPersonaZeroDeviations() {
        personas();
        List<String> deviations = new ArrayList<>();
        int checked = 0;
        for (Check check : checks()) {
            for (String persona : PERSONAS) {
                String resource = check.resource() == null ? "" : check.resource().get();
                int status = check.call().apply(tokens.get(persona)).request(check.method(),
                        check.path().apply(resource)).statusCode();
                checked++;
                String deviation = deviation(check.rule(), persona, status);
                if (deviation != null) {
                    deviations.add(check.name() + " as " + persona + ": " + status + ", expected " + deviation);
                }
            }
        }
        assertTrue(deviations.isEmpty(), deviations.size() + " of " + checked + " deviate:\n"
                + String.join("\n", deviations));
    }

    /** @return what was expected, when {@code status} is not it */
    private static String deviation(Rule rule, String persona, int status) {
        boolean allowed = status != 401 && status != 403 && status != 404 && status < 500;
        return switch (persona) {
            case "none", "tampered" -> status == 401 ? null : "401";
            case "admin" -> allowed ? null : "allowed";
            case "member" -> switch (rule) {
                case ADMIN_API -> status == 403 ? null : "403";
                default -> allowed ? null : "allowed";
            };
            case "reader" -> switch (rule) {
                case ADMIN_API, OWN_WRITE -> status == 403 ? null : "403";
                default -> allowed ? null : "allowed";
            };
            case "other" -> switch (rule) {
                case ADMIN_API -> status == 403 ? null : "403";
                case OWN_READ, OWN_WRITE -> status == 404 ? null : "404";
                case ANY_USER -> allowed ? null : "allowed";
            };
            default -> throw new IllegalArgumentException(persona);
        };
    }

    private List<Check> checks() {
        List<Check> c = new ArrayList<>();
        Supplier<String> container = () -> containers.insert("matrix", ContainerStatus.STOPPED, "host-matrix",
                row -> row.projectId = projectA).uuid.toString();
        Supplier<String> capsule = this::capsule;
        Supplier<String> server = this::server;
        // reads and changes that leave the resource in place share one; deletes get a fresh one each
        Supplier<String> oneContainer = once(container);
        Supplier<String> oneCapsule = once(capsule);
        Supplier<String> oneServer = once(server);
        c.add(zun("container show", Rule.OWN_READ, oneContainer, "GET", id -> "/container/v1/containers/" + id));
        c.add(zun("container stats", Rule.OWN_READ, oneContainer, "GET", id -> "/container/v1/containers/" + id + "/stats"));
        c.add(zun("container start", Rule.OWN_WRITE, oneContainer, "POST", id -> "/container/v1/containers/" + id + "/start"));
        c.add(new Check("container update", Rule.OWN_WRITE, oneContainer, token -> as(token)
                .header("OpenStack-API-Version", CONTAINER).contentType("application/json")
                .body("{\"name\": \"patched\"}"), "PATCH", id -> "/container/v1/containers/" + id));
        c.add(zun("container delete", Rule.OWN_WRITE, container, "DELETE", id -> "/container/v1/containers/" + id));
        c.add(zun("container list", Rule.ANY_USER, null, "GET", id -> "/container/v1/containers"));
        c.add(zun("containers of all projects", Rule.ADMIN_API, null, "GET",
                id -> "/container/v1/containers?all_projects=1"));
        c.add(zun("capsule show", Rule.OWN_READ, oneCapsule, "GET", id -> "/container/v1/capsules/" + id));
        c.add(zun("capsule delete", Rule.OWN_WRITE, capsule, "DELETE", id -> "/container/v1/capsules/" + id));
        c.add(zun("capsule list", Rule.ANY_USER, null, "GET", id -> "/container/v1/capsules"));
        c.add(nova("server show", Rule.OWN_READ, oneServer, "GET", id -> "/compute/v2.1/servers/" + id, null));
        c.add(nova("server stop", Rule.OWN_WRITE, oneServer, "POST", id -> "/compute/v2.1/servers/" + id + "/action",
                "{\"os-stop\": null}"));
        c.add(nova("server rename", Rule.OWN_WRITE, oneServer, "PUT", id -> "/compute/v2.1/servers/" + id,
                "{\"server\": {\"name\": \"renamed\"}}"));
        c.add(nova("server delete", Rule.OWN_WRITE, server, "DELETE", id -> "/compute/v2.1/servers/" + id, null));
        c.add(nova("server list", Rule.ANY_USER, null, "GET", id -> "/compute/v2.1/servers/detail", null));
        c.add(nova("servers of all projects", Rule.ADMIN_API, null, "GET",
                id -> "/compute/v2.1/servers/detail?all_tenants=1", null));
        c.add(nova("flavor list", Rule.ANY_USER, null, "GET", id -> "/compute/v2.1/flavors/detail", null));
        c.add(nova("flavor create", Rule.ADMIN_API, null, "POST", id -> "/compute/v2.1/flavors",
                "{\"flavor\": {\"name\": \"" + Keystone.unique("mx") + "\", \"ram\": 64, \"vcpus\": 1, \"disk\": 1}}"));
        c.add(nova("flavor delete", Rule.ADMIN_API, this::flavor, "DELETE", id -> "/compute/v2.1/flavors/" + id, null));
        c.add(nova("aggregate list", Rule.ADMIN_API, null, "GET", id -> "/compute/v2.1/os-aggregates", null));
        c.add(nova("aggregate create", Rule.ADMIN_API, null, "POST", id -> "/compute/v2.1/os-aggregates",
                "{\"aggregate\": {\"name\": \"" + Keystone.unique("mx") + "\"}}"));
        c.add(nova("service list", Rule.ADMIN_API, null, "GET", id -> "/compute/v2.1/os-services", null));
        c.add(nova("limits", Rule.ANY_USER, null, "GET", id -> "/compute/v2.1/limits", null));
        c.add(new Check("image list", Rule.ANY_USER, null, token -> as(token), "GET", id -> "/image/v2/images"));
        c.add(new Check("identity user list", Rule.ADMIN_API, null, token -> as(token), "GET", id -> "/v3/users"));
        c.add(new Check("identity project create", Rule.ADMIN_API, null,
                token -> as(token).contentType("application/json")
                        .body("{\"project\": {\"name\": \"" + Keystone.unique("mx") + "\"}}"),
                "POST", id -> "/v3/projects"));
        return c;
    }

    private Check zun(String name, Rule rule, Supplier<String> resource, String method,
                      Function<String, String> path) {
        return new Check(name, rule, resource, token -> as(token).header("OpenStack-API-Version", CONTAINER),
                method, path);
    }

    private Check nova(String name, Rule rule, Supplier<String> resource, String method,
                       Function<String, String> path, String body) {
        return new Check(name, rule, resource, token -> {
            RequestSpecification spec = as(token).header("OpenStack-API-Version", COMPUTE);
            return body == null ? spec : spec.contentType("application/json").body(body);
        }, method, path);
    }

    private static Supplier<String> once(Supplier<String> make) {
        String[] made = new String[1];
        return () -> made[0] != null ? made[0] : (made[0] = make.get());
    }

    private static RequestSpecification as(String token) {
        RequestSpecification spec = given();
        return token == null ? spec : spec.header("X-Auth-Token", token);
    }

    /** A flavor, made by the admin. */
    private String flavor() {
        return as(tokens.get("admin")).header("OpenStack-API-Version", COMPUTE).contentType("application/json")
                .body("{\"flavor\": {\"name\": \"" + Keystone.unique("mx") + "\", \"ram\": 64, \"vcpus\": 1, "
                        + "\"disk\": 1}}")
                .post("/compute/v2.1/flavors").then().statusCode(200).extract().path("flavor.id");
    }

    /** A capsule of project A, made by A's member (never placed: nothing reaches an engine). */
    private String capsule() {
        return as(tokens.get("member")).header("OpenStack-API-Version", CONTAINER).contentType("application/json")
                .body("{\"template\": {\"kind\": \"capsule\", \"metadata\": {\"name\": \"" + Keystone.unique("mx")
                        + "\"}, \"spec\": {\"containers\": [{\"image\": \"busybox\", \"resources\": {\"requests\": "
                        + "{\"cpu\": 0.1, \"memory\": 16}}}]}}}")
                .post("/container/v1/capsules").then().statusCode(202).extract().path("uuid");
    }

    /** A server of project A, made by A's member (still building: the test has no conductor). */
    private String server() {
        String image = given().header("X-Auth-Token", tokens.get("member")).get("/image/v2/images?name=busybox:latest")
                .then().statusCode(200).extract().path("images[0].id");
        return as(tokens.get("member")).header("OpenStack-API-Version", COMPUTE).contentType("application/json")
                .body("{\"server\": {\"name\": \"" + Keystone.unique("mx") + "\", \"flavorRef\": \"0\", \"imageRef\": \""
                        + image + "\", \"networks\": \"none\"}}")
                .post("/compute/v2.1/servers").then().statusCode(202).extract().path("server.id");
    }

    /** Built on first use: REST Assured only knows the test port once a test runs. */
    private void personas() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO compute_hosts (host, driver, vcpus, memory_mb, disk_gb, images, last_heartbeat_at)
                VALUES ('host-matrix', 'docker', 64, 65536, 1000, '["busybox:latest"]', now())
                ON CONFLICT (host) DO UPDATE SET last_heartbeat_at = now()""").executeUpdate());
        String admin = Keystone.adminToken();
        String a = Keystone.unique("tenant-a");
        String b = Keystone.unique("tenant-b");
        projectA = Keystone.createProject(admin, a);
        String projectB = Keystone.createProject(admin, b);
        // the matrix makes a few dozen workloads in A: quotas are another test's subject
        for (String quota : List.of("containers", "cpu", "memory", "instances", "cores", "ram")) {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "INSERT INTO quotas (project_id, resource, hard_limit) VALUES (?1, ?2, -1)")
                    .setParameter(1, projectA).setParameter(2, quota).executeUpdate());
        }
        Keystone.createUser(admin, a + "-m", "pw", projectA, "member");
        Keystone.createUser(admin, a + "-r", "pw", projectA, "reader");
        Keystone.createUser(admin, b + "-m", "pw", projectB, "member");
        tokens.put("admin", admin);
        tokens.put("member", Keystone.token(a + "-m", "pw", a));
        tokens.put("reader", Keystone.token(a + "-r", "pw", a));
        tokens.put("other", Keystone.token(b + "-m", "pw", b));
        tokens.put("none", null);
        String member = tokens.get("member");
        // the same token with its signature changed: well-formed, not ours
        char last = member.charAt(member.length() - 2);
        tokens.put("tampered", member.substring(0, member.length() - 2) + (last == 'A' ? 'B' : 'A')
                + member.charAt(member.length() - 1));
    }
}
