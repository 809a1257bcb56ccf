package io.windlass.agent.network;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VxlanLinkTest {

    @Test
    void readsTheDeviceFromIpJson() {
        // `ip -j -d link show dev wlvx4242` (iproute2 6.1), trimmed to the fields that matter
        String json = """
                [{"ifindex":9,"ifname":"wlvx4242","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1450,\
                "qdisc":"noqueue","master":"wlbr4242","operstate":"UNKNOWN","link_type":"ether",\
                "address":"4a:2b:9c:01:02:03","linkinfo":{"info_kind":"vxlan","info_data":{"id":4242,\
                "local":"198.18.231.2","port_range":{"low":0,"high":0},"port":4789,"ttl":0,"ageing":300,\
                "udp_csum":false,"learning":false},"info_slave_kind":"bridge"}}]
                """;
        assertEquals(Optional.of(new VxlanLink("wlvx4242", 4242, "198.18.231.2", 4789, false, "wlbr4242", 1450, true)),
                VxlanLink.parse(json));
    }

    @Test
    void aDeviceOfAnotherKindIsNotAVxlanDevice() {
        String json = """
                [{"ifindex":5,"ifname":"wlvx4242","flags":["BROADCAST"],"mtu":1500,\
                "linkinfo":{"info_kind":"bridge","info_data":{}}}]
                """;
        assertEquals(Optional.empty(), VxlanLink.parse(json));
    }

    @Test
    void nothingListedIsNoDevice() {
        assertEquals(Optional.empty(), VxlanLink.parse("[]"));
    }
}
