package io.windlass.port.bench;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.networking.Neutron;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Not a test but the port-create benchmark (deploy/local/bench-ports runs it): p50/p99 of
 * {@code POST /v2.0/ports} with automatic addresses in a subnet that already holds 10,000
 * allocations, beside the same in an empty subnet, in one run against the same database. The
 * 10,000 are the lowest addresses of the pool, the densest case for a "first free" search.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "portbench", matches = "true")
class PortCreateBenchIT {
    private static final int ALLOCATED = 10_000;
    private static final int SAMPLES = Integer.getInteger("portbench.samples", 300);

    @Inject
    EntityManager em;

    @Test
    void portCreateLatency() {
        String empty = subnetOn("bench-empty", "198.18.0.0/16");
        String full16 = subnetOn("bench-10k", "198.19.0.0/16");
        String full18 = subnetOn("bench-10k-of-16k", "198.18.192.0/18");
        fill(full16, "198.19.0.2");
        fill(full18, "198.18.192.2");
        warmUp(empty);
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-44s %8s %8s %8s", "port create, automatic IPv4 address", "p50 ms", "p99 ms", "n"));
        lines.add(row("baseline: empty /16 subnet", empty));
        lines.add(row("10,000 allocated in a /16 (15% full)", full16));
        lines.add(row("10,000 allocated in a /18 (61% full)", full18));
        // the first row also pays for JIT warm-up the others do not: measure the baseline again last
        lines.add(row("baseline again, after the others", empty));
        String report = "==== windlass port-create benchmark ====\n" + String.join("\n", lines) + "\n";
        System.out.println(report);
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target/port-benchmark.txt"), report);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String subnetOn(String name, String cidr) {
        String net = Neutron.network(null, name);
        Neutron.subnet(null, net, cidr);
        return net;
    }

    /** 10,000 ports holding the pool's lowest addresses, written in bulk (their creation is not what is measured). */
    private void fill(String network, String firstAddress) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                            INSERT INTO ports (id, network_id, project_id, mac_address)
                            SELECT gen_random_uuid(), cast(:net as uuid), 'bench',
                                   cast('fa:16:3f:' || lpad(to_hex(i / 65536), 2, '0') || ':'
                                        || lpad(to_hex(i / 256 % 256), 2, '0') || ':' || lpad(to_hex(i % 256), 2, '0')
                                        as macaddr)
                            FROM generate_series(1, :n) i""")
                    .setParameter("net", network).setParameter("n", ALLOCATED).executeUpdate();
            em.createNativeQuery("""
                            INSERT INTO ip_allocations (subnet_id, address, port_id, network_id)
                            SELECT s.id, cast(:first as inet) + (row_number() OVER (ORDER BY p.id) - 1), p.id, p.network_id
                            FROM ports p JOIN subnets s ON s.network_id = p.network_id
                            WHERE p.network_id = cast(:net as uuid)""")
                    .setParameter("net", network).setParameter("first", firstAddress).executeUpdate();
        });
    }

    private static void warmUp(String network) {
        for (int i = 0; i < 100; i++) {
            create(network);
        }
    }

    private static String row(String label, String network) {
        long[] nanos = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            create(network);
            nanos[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(nanos);
        return String.format("%-44s %8.2f %8.2f %8d", label, nanos[SAMPLES / 2] / 1e6,
                nanos[(int) Math.ceil(SAMPLES * 0.99) - 1] / 1e6, SAMPLES);
    }

    private static void create(String network) {
        Neutron.port(null, Map.of("network_id", network)).statusCode(201);
    }
}
