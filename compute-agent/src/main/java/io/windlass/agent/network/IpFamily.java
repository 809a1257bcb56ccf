package io.windlass.agent.network;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IPv4 or IPv6 as the host's packet filter sees them: each has its own tool ({@code iptables},
 * {@code ip6tables}) and tables, and reads only its own addresses. Addresses from a message are
 * read here strictly, so that what reaches a rules text is an address and nothing else.
 */
public enum IpFamily {
    V4(4, "iptables", Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}"), 32),
    V6(6, "ip6tables", Pattern.compile("[0-9a-f:.]*:[0-9a-f:.]*"), 128);

    private final int version;
    private final String tool;
    private final Pattern syntax;
    private final int maxPrefix;

    IpFamily(int version, String tool, Pattern syntax, int maxPrefix) {
        this.version = version;
        this.tool = tool;
        this.syntax = syntax;
        this.maxPrefix = maxPrefix;
    }

    /** 4 or 6, as Neutron's ethertype and {@code IngressRule.ipVersion} say it. */
    public int version() {
        return version;
    }

    /** {@code iptables} or {@code ip6tables}. */
    public String tool() {
        return tool;
    }

    /** {@code iptables-restore} or {@code ip6tables-restore}. */
    public String restoreTool() {
        return tool + "-restore";
    }

    /** The address, as written, if it is a literal address of this family; empty for anything else. */
    public Optional<String> address(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String address = text.toLowerCase(Locale.ROOT);
        if (!syntax.matcher(address).matches()) {
            return Optional.empty();
        }
        try {
            // a literal of this shape is parsed, never looked up: an invalid one fails at once
            InetAddress parsed = InetAddress.getByName(address);
            boolean ours = this == V4 ? parsed instanceof Inet4Address : parsed instanceof Inet6Address;
            return ours ? Optional.of(address) : Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The network ({@code address/prefix}, or a lone address) if it is one of this family; empty otherwise. */
    public Optional<String> cidr(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return address(text);
        }
        String prefix = text.substring(slash + 1);
        if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > maxPrefix) {
            return Optional.empty();
        }
        return address(text.substring(0, slash)).map(a -> a + "/" + Integer.parseInt(prefix));
    }
}
