package io.windlass.system.clients;

import io.windlass.system.Credentials;
import io.windlass.system.Poller;
import io.windlass.system.WindlassSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openstack4j.api.OSClient;
import org.openstack4j.api.Builders;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.compute.Keypair;
import org.openstack4j.model.compute.Server;
import org.openstack4j.model.compute.ServerCreate;
import org.openstack4j.model.compute.ServerGroup;
import org.openstack4j.model.compute.actions.RebuildOptions;
import org.openstack4j.model.compute.HostAggregate;
import org.openstack4j.model.compute.ext.Service;
import org.openstack4j.model.identity.v3.Token;
import org.openstack4j.openstack.OSFactory;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance by the Java SDK (OpenStack4j 3.12): it authenticates against Windlass as it would
 * against Keystone and then uses the compute endpoint it found in the catalog: servers (boot,
 * rebuild, resize and confirm), key pairs and server groups.
 */
class OpenStack4jST {

    @RegisterExtension
    static final WindlassSystem system = new WindlassSystem();

    @Test
    void authenticatesWithAProjectScopedTokenAndTheFourServicesInItsCatalog() {
        OSClient.OSClientV3 os = authenticate();

        Token token = os.getToken();
        assertNotNull(token.getId());
        assertNotNull(token.getExpires());
        assertEquals("admin", token.getProject().getName());
        assertEquals("admin", token.getUser().getName());
        assertTrue(token.getRoles().stream().anyMatch(r -> "admin".equals(r.getName())), token.getRoles().toString());
        List<String> types = token.getCatalog().stream().map(s -> s.getType()).toList();
        assertTrue(types.containsAll(List.of("identity", "compute", "container", "image")), types.toString());
    }

    @Test
    void listsComputeServicesAndHostAggregatesThroughTheCatalogsComputeEndpoint() {
        OSClient.OSClientV3 os = authenticate();

        List<? extends Service> services = os.compute().services().list();
        assertTrue(services.stream().anyMatch(s -> system.agentHost().equals(s.getHost())
                && "nova-compute".equals(s.getBinary())), services.toString());

        HostAggregate created = os.compute().hostAggregates().create("st-sdk-agg", "st-sdk-az");
        assertEquals("st-sdk-agg", created.getName());
        os.compute().hostAggregates().addHost(created.getId(), system.agentHost());

        List<? extends HostAggregate> aggregates = os.compute().hostAggregates().list();
        assertEquals(1, aggregates.size(), aggregates.toString());
        HostAggregate listed = aggregates.get(0);
        assertEquals("st-sdk-agg", listed.getName());
        assertEquals("st-sdk-az", listed.getAvailabilityZone());
        assertEquals(List.of(system.agentHost()), listed.getHosts());

        os.compute().hostAggregates().removeHost(created.getId(), system.agentHost());
        assertTrue(os.compute().hostAggregates().delete(created.getId()).isSuccess());
        assertTrue(os.compute().hostAggregates().list().isEmpty());
    }

    @Test
    void bootsAServerAndWaitsForItToBeActiveThenDeletesIt() {
        OSClient.OSClientV3 os = authenticate();
        String imageId = given().baseUri(WindlassSystem.apiUrl()).header("X-Auth-Token", os.getToken().getId())
                .queryParam("name", "busybox:latest").get("/image/v2/images").jsonPath().getString("images[0].id");
        assertNotNull(imageId, "busybox:latest is in the image catalogue");

        ServerCreate request = Builders.server().name("st-sdk-server").flavor("0").image(imageId)
                .addMetadataItem("from", "openstack4j").build();
        Server server = os.compute().servers().bootAndWaitActive(request, 60_000);
        assertEquals(Server.Status.ACTIVE, server.getStatus(), String.valueOf(server.getFault()));
        assertEquals("st-sdk-server", server.getName());
        assertEquals("openstack4j", server.getMetadata().get("from"));
        assertEquals(imageId, server.getImageId());
        assertEquals("0", server.getFlavorId());
        assertTrue(os.compute().servers().list().stream().anyMatch(s -> s.getId().equals(server.getId())));

        // rebuild: the same server, renamed, made again from the image on its host
        List<String> before = system.docker().idsWithLabel("windlass.server.uuid", server.getId());
        assertTrue(os.compute().servers().rebuild(server.getId(), RebuildOptions.create().image(imageId)
                .name("st-sdk-rebuilt")).isSuccess());
        Server rebuilt = Poller.standard().until("rebuilt", () -> os.compute().servers().get(server.getId()),
                s -> s.getStatus() == Server.Status.ACTIVE && s.getTaskState() == null);
        assertEquals("st-sdk-rebuilt", rebuilt.getName());
        List<String> after = system.docker().idsWithLabel("windlass.server.uuid", server.getId());
        assertEquals(1, after.size());
        assertFalse(before.equals(after), "a new engine container: " + before + " " + after);

        // resize to m1.tiny on its host, confirmed: the engine's memory limit follows the flavor
        assertTrue(os.compute().servers().resize(server.getId(), "1").isSuccess());
        Poller.standard().until("VERIFY_RESIZE", () -> os.compute().servers().get(server.getId()),
                s -> s.getStatus() == Server.Status.VERIFY_RESIZE && s.getTaskState() == null);
        assertEquals("134217728", system.docker().inspectExisting(after.getFirst(), "{{.HostConfig.Memory}}"));
        assertTrue(os.compute().servers().confirmResize(server.getId()).isSuccess());
        Server resized = Poller.standard().until("resize confirmed", () -> os.compute().servers().get(server.getId()),
                s -> s.getStatus() == Server.Status.ACTIVE && s.getTaskState() == null);
        assertEquals("1", resized.getFlavorId());

        assertTrue(os.compute().servers().delete(server.getId()).isSuccess());
        Poller.standard().until("server gone", () -> os.compute().servers().get(server.getId()), s -> s == null);
    }

    @Test
    void keyPairsThroughTheComputeService() throws Exception {
        OSClient.OSClientV3 os = authenticate();
        Keypair generated = os.compute().keypairs().create("st-sdk-generated", null);
        assertTrue(generated.getPrivateKey().startsWith("-----BEGIN RSA PRIVATE KEY-----"), generated.toString());
        assertTrue(generated.getPublicKey().startsWith("ssh-rsa "), generated.toString());
        Keypair imported = os.compute().keypairs().create("st-sdk-imported", generated.getPublicKey());
        assertEquals(generated.getFingerprint(), imported.getFingerprint());
        assertNull(imported.getPrivateKey());
        assertEquals(List.of("st-sdk-generated", "st-sdk-imported"), os.compute().keypairs().list().stream()
                .map(Keypair::getName).sorted().toList());
        assertEquals(generated.getFingerprint(), os.compute().keypairs().get("st-sdk-imported").getFingerprint());
        assertTrue(os.compute().keypairs().delete("st-sdk-generated").isSuccess());
        assertTrue(os.compute().keypairs().delete("st-sdk-imported").isSuccess());
        assertTrue(os.compute().keypairs().list().isEmpty());
    }

    @Test
    void serverGroupsThroughTheComputeService() {
        OSClient.OSClientV3 os = authenticate();
        ServerGroup group = os.compute().serverGroups().create("st-sdk-group", "anti-affinity");
        assertEquals(List.of("anti-affinity"), group.getPolicies());
        assertTrue(os.compute().serverGroups().list().stream().anyMatch(g -> g.getId().equals(group.getId())));
        String imageId = given().baseUri(WindlassSystem.apiUrl()).header("X-Auth-Token", os.getToken().getId())
                .queryParam("name", "busybox:latest").get("/image/v2/images").jsonPath().getString("images[0].id");
        Server member = os.compute().servers().bootAndWaitActive(Builders.server().name("st-sdk-member").flavor("0")
                .image(imageId).addSchedulerHint("group", group.getId()).build(), 60_000);
        assertEquals(Server.Status.ACTIVE, member.getStatus(), String.valueOf(member.getFault()));
        assertEquals(List.of(member.getId()), os.compute().serverGroups().get(group.getId()).getMembers());
        assertTrue(os.compute().servers().delete(member.getId()).isSuccess());
        Poller.standard().until("member gone", () -> os.compute().servers().get(member.getId()), s -> s == null);
        assertTrue(os.compute().serverGroups().delete(group.getId()).isSuccess());
        assertNull(os.compute().serverGroups().get(group.getId()));
    }

    private static OSClient.OSClientV3 authenticate() {
        Credentials admin = system.admin();
        return OSFactory.builderV3()
                .endpoint(WindlassSystem.apiUrl() + "/v3")
                .credentials(admin.user(), admin.password(), Identifier.byName("Default"))
                .scopeToProject(Identifier.byName(admin.project()), Identifier.byName("Default"))
                .authenticate();
    }
}
