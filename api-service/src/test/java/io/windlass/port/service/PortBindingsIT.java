package io.windlass.port.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.networking.Neutron;
import io.windlass.port.persistence.PortRecord;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.windlass.networking.Neutron.V2;
import static io.windlass.networking.Neutron.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The port service the workload flows call: bind, create for a device, unbind (reuse), delete, in their transaction. */
@QuarkusTest
class PortBindingsIT {

    @Inject
    PortBindings bindings;

    private String projectOfTheTests() {
        return as(null).when().get(V2 + "/networks/" + Neutron.network(null, "probe")).then().extract()
                .path("network.project_id");
    }

    @Test
    void bindUnbindAndBindAgain() {
        String project = projectOfTheTests();
        String net = Neutron.network(null, "b-net");
        Neutron.subnet(null, net, "198.18.50.0/24");
        String port = Neutron.port(null, Map.of("network_id", net, "fixed_ips", List.of(Map.of("ip_address",
                "198.18.50.5")))).statusCode(201).extract().path("port.id");
        PortRecord bound = QuarkusTransaction.requiringNew().call(() ->
                bindings.bind(project, port, "container-1", "compute:kuryr", "host-1"));
        assertEquals("ACTIVE", bound.status());
        assertEquals("bridge", bound.bindingVifType());
        PortBindingException inUse = assertThrows(PortBindingException.class, () -> QuarkusTransaction.requiringNew()
                .call(() -> bindings.bind(project, port, "container-2", "compute:kuryr", "host-1")));
        assertEquals(PortBindingException.Reason.IN_USE, inUse.reason());
        PortBindingException otherProject = assertThrows(PortBindingException.class, () -> QuarkusTransaction
                .requiringNew().call(() -> bindings.bind("someone-else", port, "c", "compute:kuryr", "h")));
        assertEquals(PortBindingException.Reason.NOT_USABLE, otherProject.reason());
        PortBindingException missing = assertThrows(PortBindingException.class, () -> QuarkusTransaction
                .requiringNew().call(() -> bindings.bind(project, "00000000-0000-0000-0000-000000000000", "c", "o", "h")));
        assertEquals(PortBindingException.Reason.NOT_FOUND, missing.reason());

        QuarkusTransaction.requiringNew().run(() -> bindings.unbind(port));
        as(null).when().get(V2 + "/ports/" + port).then().statusCode(200)
                .body("port.device_id", equalTo("")).body("port.device_owner", equalTo(""))
                .body("port.'binding:host_id'", equalTo("")).body("port.'binding:vif_type'", equalTo("unbound"))
                .body("port.status", equalTo("DOWN")).body("port.fixed_ips[0].ip_address", equalTo("198.18.50.5"));
        QuarkusTransaction.requiringNew().call(() -> bindings.bind(project, port, "container-3", "compute:kuryr", "h2"));
        as(null).when().get(V2 + "/ports/" + port).then().body("port.device_id", equalTo("container-3"));
    }

    @Test
    void createForADeviceAndDeleteWithTheWorkload() {
        String project = projectOfTheTests();
        String net = Neutron.network(null, "b-net2");
        Neutron.subnet(null, net, "198.18.51.0/24");
        PortRecord created = QuarkusTransaction.requiringNew().call(() ->
                bindings.createFor(project, net, "198.18.51.9", "server-1", "compute:nova", "host-2", null));
        assertEquals("ACTIVE", created.status());
        assertEquals("198.18.51.9", created.fixedIps().getFirst().ipAddress());
        // a failing workload transaction takes its port with it
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            bindings.createFor(project, net, "198.18.51.10", "server-2", "compute:nova", "host-2", null);
            throw new IllegalStateException("the workload row could not be written");
        }));
        as(null).when().get(V2 + "/ports?network_id=" + net).then().body("ports", hasSize(1));
        QuarkusTransaction.requiringNew().run(() -> bindings.delete(created.id()));
        as(null).when().get(V2 + "/ports/" + created.id()).then().statusCode(404);
        Neutron.port(null, Map.of("network_id", net, "fixed_ips", List.of(Map.of("ip_address", "198.18.51.9"))))
                .statusCode(201);
    }
}
