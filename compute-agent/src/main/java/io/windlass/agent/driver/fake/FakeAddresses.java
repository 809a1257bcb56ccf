package io.windlass.agent.driver.fake;

/**
 * Made-up addresses for simulated workloads: stable per uuid, so repeated reports agree, and inside
 * the benchmarking range 198.18.0.0/15 so they can never be mistaken for a reachable network.
 */
final class FakeAddresses {
    private FakeAddresses() {
    }

    static String ipv4(String uuid) {
        int h = uuid.hashCode();
        return "198." + (18 + ((h >>> 16) & 1)) + "." + ((h >>> 8) & 0xff) + "." + (2 + (h & 0xff) % 250);
    }

    static String mac(String uuid) {
        int h = uuid.hashCode();
        return String.format("fa:16:3e:%02x:%02x:%02x", (h >>> 16) & 0xff, (h >>> 8) & 0xff, h & 0xff);
    }
}
