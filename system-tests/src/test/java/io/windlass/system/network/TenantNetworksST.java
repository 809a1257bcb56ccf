package io.windlass.system.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.windlass.system.ContainersApi;
import io.windlass.system.Credentials;
import io.windlass.system.DockerCli;
import io.windlass.system.EngineHost;
import io.windlass.system.OpenStackCli;
import io.windlass.system.Poller;
import io.windlass.system.ServersApi;
import io.windlass.system.WindlassService;
import io.windlass.system.WindlassSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tenant networks acceptance scenario (issue 14), on two hosts of their own (network
 * namespaces with their own dockerd and agent, joined by the underlay): a container on a port the
 * user made on host 1 and one on a network with a fixed address on host 2 reach each other at
 * exactly those addresses across the hosts; a container of another project's network reaches
 * neither; the engine shows the port's address and MAC; deleting the first keeps its port,
 * unbound and DOWN, for a new container; deleting the second deletes its port. Then the same for
 * servers booted on a port and on a network with a fixed address.
 */
class TenantNetworksST {
    private static final String SUBNET = "198.19.60.0/24";

    @RegisterExtension
    static final WindlassSystem system = new WindlassSystem();

    private static final ServersApi servers = new ServersApi(system::adminToken, "compute 2.95");

    private static EngineHost first;
    private static EngineHost second;

    @BeforeAll
    static void twoHosts() throws IOException {
        first = system.startEngineHost(241, 28795 + WindlassService.PORT_OFFSET);
        second = system.startEngineHost(242, 28796 + WindlassService.PORT_OFFSET);
        Poller.standard().until("both hosts up and enabled", () -> servers.request().get("/os-services").jsonPath()
                        .getList("services.findAll { it.state == 'up' && it.status == 'enabled' }.host"),
                hosts -> hosts.containsAll(List.of(first.name(), second.name())));
    }

    private static RequestSpecification neutron(String token) {
        return given().baseUri(WindlassSystem.apiUrl() + "/network/v2.0").header("X-Auth-Token", token)
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    private static String make(String token, String collection, String member, Map<String, Object> body) {
        Response made = neutron(token).body(Map.of(member, body)).post("/" + collection);
        assertEquals(201, made.statusCode(), made.asString());
        return made.jsonPath().getString(member + ".id");
    }

    private static Map<String, Object> port(String id) {
        Response shown = neutron(system.adminToken()).get("/ports/" + id);
        assertEquals(200, shown.statusCode(), shown.asString());
        return shown.jsonPath().getMap("port");
    }

    private static String run(ContainersApi api, EngineHost host, Object nets) {
        Response created = api.create(Map.of("image", "busybox:latest", "command", List.of("sleep", "3600"),
                "host", host.name(), "nets", nets), true);
        assertEquals(202, created.statusCode(), created.asString());
        return created.jsonPath().getString("uuid");
    }

    private static boolean reaches(DockerCli engine, String container, String address) {
        return engine.run("exec", container, "ping", "-c", "2", "-W", "2", address).ok();
    }

    /**
     * Reachable within a reconcile round: two placements on two hosts at once may each miss the
     * other's, and the conductor's round then gives both hosts their peers.
     */
    private static void awaitReach(DockerCli engine, String container, String address) {
        new Poller(Duration.ofSeconds(45), Duration.ofMillis(500)).until(container + " reaches " + address,
                () -> reaches(engine, container, address), Boolean::booleanValue);
    }


    @Test
    void containersOfOneNetworkTalkAcrossHostsAndTheirPortsOutliveThemAsUpstreamPromises() {
        String admin = system.adminToken();
        ContainersApi containers = system.containers();
        String net = make(admin, "networks", "network", Map.of("name", "st-tenant"));
        make(admin, "subnets", "subnet", Map.of("network_id", net, "cidr", SUBNET, "ip_version", 4));
        String portA = make(admin, "ports", "port", Map.of("network_id", net, "name", "st-a",
                "fixed_ips", List.of(Map.of("ip_address", "198.19.60.10"))));
        String mac = (String) port(portA).get("mac_address");

        String a = run(containers, first, List.of(Map.of("port", portA)));
        String b = run(containers, second, List.of(Map.of("network", "st-tenant", "v4-fixed-ip", "198.19.60.20")));
        Map<String, Object> shownA = containers.awaitStatus(a, "Running");
        containers.awaitStatus(b, "Running");

        // Zun's addresses: keyed by network id, with the port, its subnet and the preserve flag
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> addressesA = ((Map<String, List<Map<String, Object>>>) shownA.get("addresses")).get(net);
        assertEquals("198.19.60.10", addressesA.getFirst().get("addr"), shownA.get("addresses").toString());
        assertEquals(portA, addressesA.getFirst().get("port"));
        assertEquals(true, addressesA.getFirst().get("preserve_on_delete"));
        assertEquals("ACTIVE", port(portA).get("status"));
        assertEquals(first.name(), port(portA).get("binding:host_id"));

        String engineA = ContainersApi.engineName(a);
        String engineB = ContainersApi.engineName(b);
        String network = "wl-net-" + net;
        assertEquals("198.19.60.10", first.docker().inspectExisting(engineA,
                "{{(index .NetworkSettings.Networks \"" + network + "\").IPAddress}}").strip());
        assertEquals(mac, first.docker().inspectExisting(engineA,
                "{{(index .NetworkSettings.Networks \"" + network + "\").MacAddress}}").strip());
        awaitReach(first.docker(), engineA, "198.19.60.20");
        awaitReach(second.docker(), engineB, "198.19.60.10");

        // another project's network, on the same hosts, reaches neither
        Credentials other = system.identity().onboard(admin, "st-other-net", "st-other-net-user", "member");
        String otherToken = system.identity().issueToken(other);
        String otherNet = make(otherToken, "networks", "network", Map.of("name", "st-other"));
        make(otherToken, "subnets", "subnet", Map.of("network_id", otherNet, "cidr", "198.19.61.0/24",
                "ip_version", 4));
        ContainersApi otherContainers = containers.as(otherToken);
        // a member cannot ask for a host: the scheduler places it on either (or on the run's own host)
        Response createdC = otherContainers.create(Map.of("image", "busybox:latest", "command",
                List.of("sleep", "3600"), "nets", List.of(Map.of("network", otherNet))), true);
        assertEquals(202, createdC.statusCode(), createdC.asString());
        String c = createdC.jsonPath().getString("uuid");
        otherContainers.awaitStatus(c, "Running");
        String engineC = ContainersApi.engineName(c);
        DockerCli engineOfC = List.of(first, second).stream().map(EngineHost::docker).filter(d -> d.exists(engineC))
                .findFirst().orElse(system.docker());
        assertFalse(reaches(engineOfC, engineC, "198.19.60.10"), "another network's container reaches neither A");
        assertFalse(reaches(engineOfC, engineC, "198.19.60.20"), "nor B");

        // A goes: its port stays, unbound and DOWN, and serves the next container (on the other host)
        assertEquals(204, containers.request().queryParam("stop", true).delete("/containers/" + a).statusCode());
        containers.awaitGone(a);
        Poller.standard().until("port " + portA + " unbound", () -> port(portA),
                p -> "".equals(p.get("device_id")) && "DOWN".equals(p.get("status"))
                        && "".equals(p.get("binding:host_id")) && "unbound".equals(p.get("binding:vif_type")));
        String again = run(containers, second, List.of(Map.of("port", portA)));
        containers.awaitStatus(again, "Running");
        awaitReach(second.docker(), engineB, "198.19.60.10");

        // B goes: the port made for it goes too
        assertEquals(204, containers.request().queryParam("stop", true).delete("/containers/" + b).statusCode());
        containers.awaitGone(b);
        Poller.standard().until("B's port deleted", () -> neutron(admin).queryParam("device_id", b).get("/ports")
                .jsonPath().getList("ports"), List::isEmpty);

        for (String uuid : List.of(again)) {
            containers.request().queryParam("stop", true).delete("/containers/" + uuid);
            containers.awaitGone(uuid);
        }
        otherContainers.request().queryParam("stop", true).delete("/containers/" + c);
        otherContainers.awaitGone(c);
        Poller.standard().until("the network gone from " + first.name() + " with its last container",
                () -> first.docker().run("network", "ls", "-q", "--filter", "name=" + network).stdout().strip(),
                String::isEmpty);
    }

    @Test
    void serversOnAPortAndOnANetworkWithAFixedAddressTalkAcrossHosts() {
        String admin = system.adminToken();
        String net = make(admin, "networks", "network", Map.of("name", "st-servers"));
        make(admin, "subnets", "subnet", Map.of("network_id", net, "cidr", "198.19.62.0/24", "ip_version", 4));
        String port = make(admin, "ports", "port", Map.of("network_id", net,
                "fixed_ips", List.of(Map.of("ip_address", "198.19.62.10"))));
        String mac = (String) port(port).get("mac_address");
        String imageId = servers.imageId("busybox:latest");

        String onPort = boot("st-net-port", first, imageId, List.of(Map.of("port", port)));
        String onNet = boot("st-net-fixed", second, imageId, List.of(Map.of("uuid", net, "fixed_ip", "198.19.62.20")));
        Map<String, Object> shown = servers.awaitStatus(onPort, "ACTIVE");
        servers.awaitStatus(onNet, "ACTIVE");

        // Nova's addresses: keyed by network name, with the MAC
        @SuppressWarnings("unchecked")
        Map<String, Object> address = ((Map<String, List<Map<String, Object>>>) shown.get("addresses"))
                .get("st-servers").getFirst();
        assertEquals("198.19.62.10", address.get("addr"), shown.get("addresses").toString());
        assertEquals(mac, address.get("OS-EXT-IPS-MAC:mac_addr"));
        assertEquals("fixed", address.get("OS-EXT-IPS:type"));
        Response ips = servers.request().get("/servers/" + onPort + "/ips/st-servers");
        assertEquals(200, ips.statusCode(), ips.asString());

        String engineOnPort = first.docker().idsWithLabel("windlass.server.uuid", onPort).getFirst();
        String engineOnNet = second.docker().idsWithLabel("windlass.server.uuid", onNet).getFirst();
        awaitReach(first.docker(), engineOnPort, "198.19.62.20");
        awaitReach(second.docker(), engineOnNet, "198.19.62.10");

        for (String id : List.of(onPort, onNet)) {
            assertEquals(204, servers.request().delete("/servers/" + id).statusCode());
        }
        Poller.standard().until("the port unbound and the made one deleted", () -> List.of(
                        port(port).get("device_id"), neutron(admin).queryParam("device_id", onNet).get("/ports")
                                .jsonPath().getList("ports").size()),
                state -> "".equals(state.get(0)) && Integer.valueOf(0).equals(state.get(1)));
    }

    /**
     * Interfaces attached to running workloads carry traffic across hosts, and stop when detached:
     * Zun's {@code network_attach}/{@code network_detach} on a container, Nova's {@code os-interface}
     * on a server, each on host 1 reaching a container of the attached network on host 2.
     */
    @Test
    void interfacesAttachedToRunningWorkloadsCarryTrafficUntilDetached() {
        String admin = system.adminToken();
        ContainersApi containers = system.containers();
        String home = make(admin, "networks", "network", Map.of("name", "st-attach-home"));
        make(admin, "subnets", "subnet", Map.of("network_id", home, "cidr", "198.19.66.0/24", "ip_version", 4));
        String joined = make(admin, "networks", "network", Map.of("name", "st-attach-joined"));
        make(admin, "subnets", "subnet", Map.of("network_id", joined, "cidr", "198.19.67.0/24", "ip_version", 4));
        String peer = run(containers, second, List.of(Map.of("network", joined, "v4-fixed-ip", "198.19.67.20")));
        String a = run(containers, first, List.of(Map.of("network", home)));
        containers.awaitStatus(peer, "Running");
        containers.awaitStatus(a, "Running");
        String engineA = ContainersApi.engineName(a);

        Response attached = containers.request().queryParam("network", "st-attach-joined")
                .queryParam("fixed_ip", "198.19.67.10").post("/containers/" + a + "/network_attach");
        assertEquals(202, attached.statusCode(), attached.asString());
        Poller.standard().until("the attach done and shown", () -> containers.show(a).jsonPath().getMap(""),
                c -> c.get("task_state") == null && ((Map<?, ?>) c.get("addresses")).containsKey(joined));
        assertEquals("198.19.67.10", first.docker().inspectExisting(engineA,
                "{{(index .NetworkSettings.Networks \"wl-net-" + joined + "\").IPAddress}}").strip());
        awaitReach(first.docker(), engineA, "198.19.67.20");

        // the engine loses the interface behind Windlass's back, as an attach its host never ran leaves it: the
        // container's next report shows it without the network, and its host is asked to attach it again. No
        // check that the peer is out of reach meanwhile: the engine's disconnect event is itself such a report,
        // and the repair may come back within a ping's wait (a CI run saw it do so)
        assertTrue(first.docker().run("network", "disconnect", "wl-net-" + joined, engineA).ok());
        assertTrue(first.docker().run("pause", engineA).ok());
        assertTrue(first.docker().run("unpause", engineA).ok());
        awaitReach(first.docker(), engineA, "198.19.67.20");
        assertEquals("198.19.67.10", first.docker().inspectExisting(engineA,
                "{{(index .NetworkSettings.Networks \"wl-net-" + joined + "\").IPAddress}}").strip());

        Response detached = containers.request().queryParam("network", joined)
                .post("/containers/" + a + "/network_detach");
        assertEquals(202, detached.statusCode(), detached.asString());
        Poller.standard().until("the detach done and shown", () -> containers.show(a).jsonPath().getMap(""),
                c -> c.get("task_state") == null && !((Map<?, ?>) c.get("addresses")).containsKey(joined));
        assertFalse(reaches(first.docker(), engineA, "198.19.67.20"), "detached, the peer is out of reach");
        // the port was made for the attach: it goes with the detach
        assertEquals(List.of(), neutron(admin).queryParam("device_id", a).queryParam("network_id", joined)
                .get("/ports").jsonPath().getList("ports"));

        // a server on host 1 is given a port the user made on the joined network
        String port = make(admin, "ports", "port", Map.of("network_id", joined,
                "fixed_ips", List.of(Map.of("ip_address", "198.19.67.30"))));
        String server = boot("st-attach-server", first, servers.imageId("busybox:latest"),
                List.of(Map.of("uuid", home)));
        servers.awaitStatus(server, "ACTIVE");
        Response plugged = servers.request().body(Map.of("interfaceAttachment", Map.of("port_id", port)))
                .post("/servers/" + server + "/os-interface");
        assertEquals(200, plugged.statusCode(), plugged.asString());
        assertEquals("198.19.67.30", plugged.jsonPath().getString("interfaceAttachment.fixed_ips[0].ip_address"));
        Poller.standard().until("the interface ACTIVE", () -> servers.request()
                .get("/servers/" + server + "/os-interface/" + port).jsonPath().getString("interfaceAttachment.port_state"),
                "ACTIVE"::equals);
        String engineServer = first.docker().idsWithLabel("windlass.server.uuid", server).getFirst();
        awaitReach(first.docker(), engineServer, "198.19.67.20");
        assertEquals(List.of(port), servers.request().get("/servers/" + server + "/os-interface").jsonPath()
                .getList("interfaceAttachments.findAll { it.net_id == '" + joined + "' }.port_id"));

        assertEquals(202, servers.request().delete("/servers/" + server + "/os-interface/" + port).statusCode());
        // what Tempest waits for: the port no longer the server's; the user's port is kept, DOWN
        Poller.standard().until("port " + port + " detached", () -> port(port),
                p -> "".equals(p.get("device_id")) && "DOWN".equals(p.get("status")));
        assertFalse(reaches(first.docker(), engineServer, "198.19.67.20"), "detached, the peer is out of reach");

        assertEquals(204, servers.request().delete("/servers/" + server).statusCode());
        for (String uuid : List.of(a, peer)) {
            containers.request().queryParam("stop", true).delete("/containers/" + uuid);
            containers.awaitGone(uuid);
        }
    }

    /**
     * Security groups on the data plane: a container whose port is in a group that lets in TCP 8080
     * answers there to a container of the default group on the other host, and is out of that
     * container's ping until the group lets ICMP in too; the rule removed, it is out of reach again.
     * The answers to the client pass its own default group as part of the connection it opened.
     */
    @Test
    void securityGroupsLetInOnlyWhatTheirIngressRulesAllow() {
        String admin = system.adminToken();
        ContainersApi containers = system.containers();
        String net = make(admin, "networks", "network", Map.of("name", "st-sg"));
        make(admin, "subnets", "subnet", Map.of("network_id", net, "cidr", "198.19.68.0/24", "ip_version", 4));
        String web = make(admin, "security-groups", "security_group", Map.of("name", "st-sg-web"));
        make(admin, "security-group-rules", "security_group_rule", Map.of("security_group_id", web,
                "direction", "ingress", "protocol", "tcp", "port_range_min", 8080, "port_range_max", 8080));
        String port = make(admin, "ports", "port", Map.of("network_id", net, "security_groups", List.of(web),
                "fixed_ips", List.of(Map.of("ip_address", "198.19.68.10"))));
        Response server = containers.create(Map.of("image", "busybox:latest", "host", first.name(),
                "command", List.of("nc", "-ll", "-p", "8080", "-e", "/bin/echo", "hello"),
                "nets", List.of(Map.of("port", port))), true);
        assertEquals(202, server.statusCode(), server.asString());
        String x = server.jsonPath().getString("uuid");
        String y = run(containers, second, List.of(Map.of("network", net, "v4-fixed-ip", "198.19.68.20")));
        containers.awaitStatus(x, "Running");
        containers.awaitStatus(y, "Running");
        String client = ContainersApi.engineName(y);

        new Poller(Duration.ofSeconds(45), Duration.ofMillis(500)).until("TCP 8080 answered across the hosts",
                () -> second.docker().run("exec", client, "sh", "-c", "echo | nc -w 2 198.19.68.10 8080").stdout(),
                out -> out.contains("hello"));
        new Poller(Duration.ofSeconds(45), Duration.ofMillis(500)).until("ping dropped by the group",
                () -> reaches(second.docker(), client, "198.19.68.10"), reached -> !reached);

        String icmp = make(admin, "security-group-rules", "security_group_rule", Map.of("security_group_id", web,
                "direction", "ingress", "protocol", "icmp"));
        awaitReach(second.docker(), client, "198.19.68.10");
        assertEquals(204, neutron(admin).delete("/security-group-rules/" + icmp).statusCode());
        new Poller(Duration.ofSeconds(45), Duration.ofMillis(500)).until("ping dropped again",
                () -> reaches(second.docker(), client, "198.19.68.10"), reached -> !reached);

        for (String uuid : List.of(x, y)) {
            containers.request().queryParam("stop", true).delete("/containers/" + uuid);
            containers.awaitGone(uuid);
        }
    }

    /**
     * A capsule's sandbox takes its project's network (Zun's capsule template names none), so every
     * member has the sandbox's port; a container of the project on the same host reaches it.
     */
    @Test
    void aCapsuleJoinsItsProjectsNetwork() {
        String admin = system.adminToken();
        // an admin of its own project, so that the container can be placed beside the capsule
        Credentials owner = system.identity().onboard(admin, "st-capsule-net", "st-capsule-net-admin", "admin");
        String token = system.identity().issueToken(owner);
        String net = make(token, "networks", "network", Map.of("name", "st-capsule"));
        make(token, "subnets", "subnet", Map.of("network_id", net, "cidr", "198.19.64.0/24", "ip_version", 4));
        ContainersApi api = system.containers().as(token);

        Response created = api.request().body(Map.of("template", Map.of("kind", "capsule",
                "metadata", Map.of("name", "st-net-capsule"),
                "spec", Map.of("containers", List.of(Map.of("name", "app", "image", "busybox",
                        "command", List.of("sleep", "3600"))))))).post("/capsules");
        assertEquals(202, created.statusCode(), created.asString());
        String uuid = created.jsonPath().getString("uuid");
        Map<String, Object> capsule = Poller.standard().until("capsule " + uuid + " Running",
                () -> api.request().get("/capsules/" + uuid).jsonPath().getMap(""),
                body -> "Running".equals(body.get("status")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> addresses = ((Map<String, List<Map<String, Object>>>) capsule.get("addresses"))
                .get(net);
        String address = (String) addresses.getFirst().get("addr");
        assertTrue(address.startsWith("198.19.64."), capsule.get("addresses").toString());

        Response beside = api.create(Map.of("image", "busybox:latest", "command", List.of("sleep", "3600"),
                "host", capsule.get("host"), "nets", List.of(Map.of("network", net))), true);
        assertEquals(202, beside.statusCode(), beside.asString());
        String container = beside.jsonPath().getString("uuid");
        api.awaitStatus(container, "Running");
        DockerCli engine = List.of(first, second).stream().map(EngineHost::docker)
                .filter(d -> d.exists(ContainersApi.engineName(container))).findFirst().orElse(system.docker());
        awaitReach(engine, ContainersApi.engineName(container), address);

        assertEquals(204, api.request().delete("/capsules/" + uuid).statusCode());
        api.request().queryParam("force", true).delete("/containers/" + container);
        api.awaitGone(container);
        Poller.standard().until("the capsule's and the container's ports deleted", () -> neutron(token)
                .queryParam("network_id", net).get("/ports").jsonPath().getList("ports"), List::isEmpty);
    }

    /** What a user does with the {@code openstack} CLI, the network service in its catalog. */
    @Test
    void theOpenstackCliCreatesNetworksAndPutsContainersAndServersOnThem() {
        OpenStackCli cli = new OpenStackCli(WindlassSystem.apiUrl() + "/v3", system.admin(),
                Path.of("target", "openstack-cli-home-networks"));
        String net = cli.json("network", "create", "-f", "json", "st-cli-net").path("id").asText();
        cli.ok("subnet", "create", "-f", "json", "--network", "st-cli-net", "--subnet-range", "198.19.63.0/24",
                "st-cli-subnet");
        assertTrue(cli.json("network", "list", "-f", "json").toString().contains(net));
        String port = cli.json("port", "create", "-f", "json", "--network", "st-cli-net", "--fixed-ip",
                "ip-address=198.19.63.10", "st-cli-port").path("id").asText();
        assertTrue(cli.json("security", "group", "list", "-f", "json").toString().contains("default"));

        String byNet = cli.json("appcontainer", "run", "-f", "json", "--net",
                "network=st-cli-net,v4-fixed-ip=198.19.63.20", "busybox", "sleep", "3600").path("uuid").asText();
        String byPort = cli.json("appcontainer", "run", "-f", "json", "--net", "port=st-cli-port", "busybox",
                "sleep", "3600").path("uuid").asText();
        ContainersApi containers = system.containers();
        containers.awaitStatus(byNet, "Running");
        containers.awaitStatus(byPort, "Running");
        String shown = cli.json("appcontainer", "show", "-f", "json", byPort).path("addresses").toString();
        assertTrue(shown.contains("198.19.63.10"), shown);

        JsonNode server = cli.json("server", "create", "-f", "json", "--flavor", "m1.nano", "--image",
                "busybox:latest", "--nic", "net-id=" + net + ",v4-fixed-ip=198.19.63.30", "--wait", "st-cli-nic");
        assertEquals("ACTIVE", server.path("status").asText(), server.toString());
        String serverId = server.path("id").asText();
        String addresses = cli.json("server", "show", "-f", "json", serverId).path("addresses").toString();
        assertTrue(addresses.contains("st-cli-net") && addresses.contains("198.19.63.30"), addresses);
        JsonNode ports = cli.json("port", "list", "-f", "json", "--server", serverId);
        assertEquals(1, ports.size(), ports.toString());

        cli.ok("server", "delete", "--wait", serverId);
        cli.ok("appcontainer", "delete", "--force", byPort);
        cli.ok("appcontainer", "delete", "--force", byNet);
        containers.awaitGone(byPort);
        containers.awaitGone(byNet);
        Poller.standard().until("the port kept and unbound", () -> cli.json("port", "show", "-f", "json", port),
                p -> p.path("device_id").asText().isEmpty() && "DOWN".equals(p.path("status").asText()));
        // a second server on the same port, by --port this time
        JsonNode again = cli.json("server", "create", "-f", "json", "--flavor", "m1.nano", "--image",
                "busybox:latest", "--nic", "port-id=" + port, "--wait", "st-cli-port-server");
        assertEquals("ACTIVE", again.path("status").asText(), again.toString());
        cli.ok("server", "delete", "--wait", again.path("id").asText());
        cli.ok("port", "delete", port);
        Poller.standard().until("the network's ports gone", () -> cli.json("port", "list", "-f", "json",
                "--network", net), JsonNode::isEmpty);
        cli.ok("subnet", "delete", "st-cli-subnet");
        cli.ok("network", "delete", net);
    }

    private static String boot(String name, EngineHost host, String imageId, Object networks) {
        Response boot = servers.request().body(Map.of("server", Map.of("name", name, "flavorRef", "0",
                "imageRef", imageId, "networks", networks, "host", host.name()))).post("/servers");
        assertEquals(202, boot.statusCode(), boot.asString());
        return boot.jsonPath().getString("server.id");
    }
}
