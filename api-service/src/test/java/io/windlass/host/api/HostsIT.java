package io.windlass.host.api;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.windlass.testing.ComputeHostRows;
import io.windlass.testing.Keystone;
import io.windlass.testing.RealTokens;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Nova's {@code os-hosts} over hosts as heartbeats, aggregates and claims leave them: host-a (in
 * zone az1 by an aggregate, two projects' claims), host-b (the default zone, idle) and host-c
 * (disabled), with a consumer standing in for the conductor on its queue and none for the scheduler.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class HostsIT {
    @Inject
    ComputeHostRows hostRows;
    @Inject
    EntityManager em;

    private String admin;
    private String member;
    private String conductorQueue;
    private Connection broker;

    @BeforeEach
    void hosts() throws Exception {
        admin = Keystone.adminToken();
        String name = Keystone.unique("hosts");
        String project = Keystone.createProject(admin, name);
        Keystone.createUser(admin, name, "pw", project, "member");
        member = Keystone.token(name, "pw", name);

        hostRows.clear();
        sql("""
                INSERT INTO compute_hosts (host, driver, vcpus, memory_mb, disk_gb, vcpus_used, memory_mb_used,
                                           disk_gb_used, last_heartbeat_at)
                VALUES ('host-a', 'docker', 8, 16384, 200, 2.5, 3072, 25, now()),
                       ('host-b', 'docker', 4, 8192, 100, 0, 0, 0, now() - interval '10 minutes'),
                       ('host-c', 'docker', 4, 8192, 100, 0, 0, 0, now())""");
        sql("UPDATE compute_hosts SET disabled = true, disabled_reason = 'old' WHERE host = 'host-c'");
        sql("INSERT INTO aggregates (uuid, name) VALUES ('" + UUID.randomUUID() + "', 'agg1')");
        sql("INSERT INTO aggregate_hosts (aggregate_id, host) SELECT id, 'host-a' FROM aggregates");
        sql("INSERT INTO aggregate_metadata (aggregate_id, key, value) SELECT id, 'availability_zone', 'az1' "
                + "FROM aggregates");
        sql("""
                INSERT INTO allocations (consumer_uuid, consumer_type, host, project_id, vcpus, memory_mb, disk_gb)
                VALUES (gen_random_uuid(), 'server', 'host-a', 'proj-2', 1, 1024, 10),
                       (gen_random_uuid(), 'container', 'host-a', 'proj-1', 0.5, 512, 5),
                       (gen_random_uuid(), 'server', 'host-a', 'proj-1', 1, 1536, 10)""");

        // the conductor's replicas consume its queue; this consumer stands in for them
        String namespace = ConfigProvider.getConfig().getValue("windlass.rpc.namespace", String.class);
        conductorQueue = namespace + ".conductor";
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setUsername("guest");
        factory.setPassword("guest");
        broker = factory.newConnection("hosts-it-conductor");
        Channel channel = broker.createChannel();
        channel.queueDeclare(conductorQueue, true, false, false, null);
        channel.basicConsume(conductorQueue, true, new DefaultConsumer(channel));
        channel.queueDelete(namespace + ".scheduler");
    }

    @AfterEach
    void closeBroker() throws Exception {
        broker.close();
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }

    private static ValidatableResponse get(String token, String version, String path) {
        return given().header("X-Auth-Token", token).header("OpenStack-API-Version", "compute " + version)
                .when().get("/compute/v2.1/os-hosts" + path).then();
    }

    private static ValidatableResponse put(String token, String version, String host, String body) {
        return given().header("X-Auth-Token", token).header("OpenStack-API-Version", "compute " + version)
                .contentType("application/json").body(body)
                .when().put("/compute/v2.1/os-hosts/" + host).then();
    }

    private static Map<String, Object> entry(String host, String service, String zone) {
        return Map.of("host_name", host, "service", service, "zone", zone);
    }

    private static Map<String, Object> resource(String project, int cpu, int memory, int disk) {
        return Map.of("resource", Map.of("host", "host-a", "project", project, "cpu", cpu, "memory_mb", memory,
                "disk_gb", disk));
    }

    @Test
    void listsTheRunningControlPlaneAndTheEnabledComputesByZone() {
        get(admin, "2.1", "").statusCode(200).body("hosts", contains(
                entry(conductorQueue, "conductor", "internal"),
                entry("host-a", "compute", "az1"),
                entry("host-b", "compute", "nova")));
        get(admin, "2.42", "?zone=az1").statusCode(200).body("hosts", contains(entry("host-a", "compute", "az1")));
        get(admin, "2.1", "?zone=internal").statusCode(200).body("hosts.host_name", contains(conductorQueue));
        // a blank zone is no filter; an unknown one matches nothing; the last of repeated values counts
        get(admin, "2.1", "?zone=").statusCode(200).body("hosts", hasSize(3));
        get(admin, "2.1", "?zone=xxx").statusCode(200).body("hosts", hasSize(0));
        get(admin, "2.1", "?zone=xxx&zone=nova").statusCode(200).body("hosts.host_name", contains("host-b"));
    }

    @Test
    void showsTotalUsedNowUsedMaxAndEachProject() {
        get(admin, "2.1", "/host-a").statusCode(200).body("host", contains(
                resource("(total)", 8, 16384, 200),
                resource("(used_now)", 3, 3072, 25),
                resource("(used_max)", 3, 3072, 25),
                resource("proj-1", 2, 2048, 15),
                resource("proj-2", 1, 1024, 10)));
        get(admin, "2.1", "/host-b").statusCode(200).body("host", hasSize(3))
                .body("host[2].resource.project", equalTo("(used_max)"))
                .body("host[2].resource.cpu", equalTo(0));
        get(admin, "2.1", "/nonexistent_hostname").statusCode(404).body("itemNotFound.message",
                equalTo("Host 'nonexistent_hostname' is not mapped to any cell"));
        // the conductor is listed but is no compute host, as Nova's have no cell mapping
        get(admin, "2.1", "/" + conductorQueue).statusCode(404);
    }

    @Test
    void statusSwitchesTheComputeServiceAndMaintenanceModeIsNotSupported() {
        put(admin, "2.1", "host-b", "{\"status\": \"Disable\"}").statusCode(200)
                .body("$", equalTo(Map.of("host", "host-b", "status", "disabled")));
        given().header("X-Auth-Token", admin).when().get("/compute/v2.1/os-services?host=host-b").then()
                .body("services[0].status", equalTo("disabled"));
        get(admin, "2.1", "").body("hosts.host_name", contains(conductorQueue, "host-a"));
        put(admin, "2.1", "host-c", "{\"status\": \"enable\"}").statusCode(200)
                .body("$", equalTo(Map.of("host", "host-c", "status", "enabled")));
        get(admin, "2.1", "").body("hosts.host_name", contains(conductorQueue, "host-a", "host-c"));

        // Nova sets the status first, then its libvirt driver refuses maintenance mode
        put(admin, "2.1", "host-c", "{\"status\": \"disable\", \"maintenance_mode\": \"enable\"}").statusCode(501)
                .body("notImplemented.message", equalTo("The requested functionality is not supported."));
        given().header("X-Auth-Token", admin).when().get("/compute/v2.1/os-services?host=host-c").then()
                .body("services[0].status", equalTo("disabled"));
        put(admin, "2.1", "nonexistent_hostname", "{\"maintenance_mode\": \"enable\"}").statusCode(404)
                .body("itemNotFound.message", equalTo("Host 'nonexistent_hostname' is not mapped to any cell"));
        put(admin, "2.1", "nonexistent_hostname", "{\"status\": \"enable\"}").statusCode(404);
    }

    @Test
    void invalidBodiesAreRefusedBeforeThePolicy() {
        put(admin, "2.1", "host-a", "{\"status\": \"invalid\", \"maintenance_mode\": \"enable\"}").statusCode(400)
                .body("badRequest.message", equalTo("Invalid input for field/attribute status. Value: invalid. "
                        + "'invalid' is not one of ['enable', 'disable', 'Enable', 'Disable', 'ENABLE', 'DISABLE']"));
        put(admin, "2.1", "host-a", "{\"status\": \"enable\", \"maintenance_mode\": \"invalid\"}").statusCode(400);
        put(admin, "2.1", "host-a", "{}").statusCode(400);
        put(admin, "2.1", "host-a", "{\"status\": \"enable\", \"bogus\": 1}").statusCode(400);
        put(member, "2.1", "host-a", "{}").statusCode(400);
        // nothing was changed
        get(admin, "2.1", "").body("hosts", hasSize(3));
    }

    @Test
    void powerActionsAreNotSupportedOnAKnownHost() {
        for (String action : List.of("startup", "shutdown", "reboot")) {
            get(admin, "2.1", "/host-a/" + action).statusCode(501)
                    .body("notImplemented.message", equalTo("The requested functionality is not supported."));
            get(admin, "2.1", "/nonexistent_hostname/" + action).statusCode(404)
                    .body("itemNotFound.message", equalTo("Host 'nonexistent_hostname' is not mapped to any cell"));
        }
    }

    @Test
    void adminsOnly() {
        String denied = "Policy doesn't allow os_compute_api:os-hosts:%s to be performed.";
        get(member, "2.1", "").statusCode(403).body("forbidden.message", equalTo(denied.formatted("list")));
        get(member, "2.1", "/host-a").statusCode(403).body("forbidden.message", equalTo(denied.formatted("show")));
        put(member, "2.1", "host-a", "{\"status\": \"enable\", \"maintenance_mode\": \"enable\"}").statusCode(403)
                .body("forbidden.message", equalTo(denied.formatted("update")));
        get(member, "2.1", "/host-a/startup").statusCode(403).body("forbidden.message", equalTo(denied.formatted("start")));
        get(member, "2.1", "/host-a/shutdown").statusCode(403)
                .body("forbidden.message", equalTo(denied.formatted("shutdown")));
        get(member, "2.1", "/host-a/reboot").statusCode(403).body("forbidden.message", equalTo(denied.formatted("reboot")));
        // the unknown host is not looked up for a caller who may not
        get(member, "2.1", "/nonexistent_hostname/reboot").statusCode(403);
    }

    @Test
    void goneFrom243BeforeThePolicy() {
        for (ValidatableResponse response : List.of(get(admin, "2.43", ""), get(admin, "2.43", "/host-a"),
                get(admin, "2.43", "/host-a/reboot"), get(member, "2.43", ""),
                put(admin, "2.43", "host-a", "{\"status\": \"disable\"}"), put(admin, "2.43", "host-a", "{}"))) {
            response.statusCode(404).body("itemNotFound.message", equalTo("The resource could not be found."));
        }
        get(admin, "2.42", "/host-a").statusCode(200);
        get(admin, "2.1", "").body("hosts", hasSize(3));
    }
}
