package io.windlass.port.workload;

/**
 * One interface a workload create asks for, in the words both compute APIs share: Zun's
 * {@code nets} item ({@code network}, {@code port}, {@code v4-fixed-ip}/{@code v6-fixed-ip}) and
 * Nova's {@code networks} item ({@code uuid}, {@code port}, {@code fixed_ip}, {@code tag}).
 *
 * @param network the network's uuid (Nova), or uuid or name (Zun); null when a port is given
 * @param port    the port's uuid (Nova), or uuid or name (Zun); null when a network is given
 * @param fixedIp the address wanted on the network, or null for any; ignored with a port, as Zun does
 * @param tag     Nova's device tag, or null
 */
public record RequestedNetwork(String network, String port, String fixedIp, String tag) {

    public static RequestedNetwork ofNetwork(String network, String fixedIp) {
        return new RequestedNetwork(network, null, fixedIp, null);
    }

    public static RequestedNetwork ofPort(String port) {
        return new RequestedNetwork(null, port, null, null);
    }
}
