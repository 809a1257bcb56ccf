package io.windlass.securitygroup.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.validation.PythonRepr;
import io.windlass.hypervisor.service.HypervisorIds;
import io.windlass.subnet.service.IpAddress;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The ingress rule an {@code os-security-group-rules} body asks for, read as Nova reads it
 * ({@code nova/network/security_group_api.py} {@code parse_cidr}, {@code _new_ingress_rule}, and the
 * controller's bad-prefix check), pure. Nova checks only what its own API promises (TCP, UDP and ICMP
 * with both ports, or a source group); Neutron then checks the rule as it checks any other.
 *
 * @param protocol as given (Nova keeps {@code "TCP"}; Neutron lower-cases it), null when the rule has none
 * @param fromPort null when the rule has no ports
 * @param cidr     null for a rule on a source group
 * @param groupId  the source group, null for a rule on a cidr
 */
public record NovaIngressRule(String protocol, Long fromPort, Long toPort, String cidr, String groupId) {
    private static final Set<String> PORTED = Set.of("TCP", "UDP");
    private static final String ANYWHERE = "0.0.0.0/0";

    /**
     * @param rule the schema-checked {@code security_group_rule}
     * @throws InvalidInputException Nova's 400s: a bad cidr, ports that are no integers, a protocol
     *                               other than TCP, UDP and ICMP, a bad range, too little to make a rule
     */
    public static NovaIngressRule of(JsonNode rule) {
        JsonNode group = rule.path("group_id");
        // the schema has checked it is a uuid in some form; Neutron is asked with the canonical one
        String groupId = group.isTextual() ? HypervisorIds.uuidLike(group.textValue()).map(Object::toString)
                .orElse(group.textValue()) : null;
        JsonNode protocolNode = rule.path("ip_protocol");
        String protocol = truthy(protocolNode) ? PythonRepr.str(protocolNode) : null;
        JsonNode from = rule.path("from_port");
        JsonNode to = rule.path("to_port");
        String upper = protocol == null ? "" : protocol.toUpperCase(Locale.ROOT);
        Long openFrom = null;
        Long openTo = null;
        String cidr = null;
        if (groupId != null) {
            // Nova opens every ICMP type, or the whole TCP/UDP range, of a source group's rule given no ports
            if (upper.equals("ICMP") && !given(from) && !given(to)) {
                openFrom = -1L;
                openTo = -1L;
            } else if (PORTED.contains(upper) && !given(from) && !given(to)) {
                openFrom = 1L;
                openTo = 65535L;
            }
        } else {
            cidr = cidr(rule.path("cidr"));
        }
        if (protocol == null || !given(from) && openFrom == null || !given(to) && openTo == null) {
            if (cidr != null) {
                throw InvalidInputException.badRequest("Not enough parameters to build a valid rule.");
            }
            return new NovaIngressRule(null, null, null, null, groupId);
        }
        long min = given(from) ? integer(from, upper) : openFrom;
        long max = given(to) ? integer(to, upper) : openTo;
        check(upper, protocol, min, max);
        if (cidr != null) {
            badPrefix(cidr);
        }
        return new NovaIngressRule(protocol, min, max, cidr, groupId);
    }

    /** Nova's own duplicate check ({@code _rule_exists}): the five keys equal, protocol by its exact text. */
    public boolean sameAs(NovaRule existing) {
        return Objects.equals(groupId, existing.groupId()) && Objects.equals(cidr, existing.cidr())
                && Objects.equals(fromPort, existing.fromPort() == null ? null : existing.fromPort().longValue())
                && Objects.equals(toPort, existing.toPort() == null ? null : existing.toPort().longValue())
                && Objects.equals(protocol, existing.protocol());
    }

    /** The ethertype Nova asks Neutron for: the cidr's, IPv4 for a source group (Nova's own FIXME). */
    public String ethertype() {
        return cidr == null || IpAddress.parse(cidr.substring(0, cidr.indexOf('/'))).orElseThrow().version() == 4
                ? "IPv4" : "IPv6";
    }

    /** Neutron's {@code port_range_min}: -1 (any ICMP type) is no port at all. */
    public Long portRangeMin() {
        return fromPort == null || fromPort == -1 ? null : fromPort;
    }

    public Long portRangeMax() {
        return toPort == null || toPort == -1 ? null : toPort;
    }

    private static boolean given(JsonNode value) {
        return !value.isMissingNode() && !value.isNull();
    }

    /** Python's truth of a JSON value: no empty string, zero, false, empty list or object. */
    private static boolean truthy(JsonNode value) {
        if (!given(value)) {
            return false;
        }
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        if (value.isNumber()) {
            return value.doubleValue() != 0;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return !value.isEmpty();
    }

    /** {@code parse_cidr}: absent or empty is anywhere; URL-decoded; an address, a slash and a prefix length. */
    static String cidr(JsonNode given) {
        if (!truthy(given)) {
            return ANYWHERE;
        }
        if (!given.isTextual()) {
            throw invalidCidr(PythonRepr.str(given));
        }
        String text = unquote(given.textValue());
        int slash = text.indexOf('/');
        if (slash < 0 || slash == text.length() - 1) {
            throw invalidCidr(text);
        }
        IpAddress address = IpAddress.parse(text.substring(0, slash)).orElseThrow(() -> invalidCidr(text));
        OptionalLong prefix = HypervisorIds.integer(text.substring(slash + 1));
        if (prefix.isEmpty() || prefix.getAsLong() < 0 || prefix.getAsLong() > IpAddress.bits(address.version())) {
            throw invalidCidr(text);
        }
        return text;
    }

    /** Python's {@code urllib.parse.unquote}: %XX only ('+' stays), a broken escape left as it is. */
    private static String unquote(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static InvalidInputException invalidCidr(String cidr) {
        return new InvalidInputException("InvalidCidr", cidr + " is not a valid IP network.");
    }

    /** Python's {@code int()} of a port: digits in a string, a number (a float truncated), a boolean as 1 or 0. */
    private static long integer(JsonNode value, String upper) {
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? value.longValue() : value.bigIntegerValue().signum() * Long.MAX_VALUE;
        }
        if (value.isNumber()) {
            return (long) value.doubleValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? 1 : 0;
        }
        OptionalLong parsed = value.isTextual() ? HypervisorIds.integer(value.textValue()) : OptionalLong.empty();
        return parsed.orElseThrow(() -> InvalidInputException.badRequest("Invalid input received: " + (upper.equals(
                "ICMP") ? "Type and Code must be integers for ICMP protocol type" : "To and From ports must be integers")));
    }

    private static void check(String upper, String protocol, long from, long to) {
        if (!PORTED.contains(upper) && !upper.equals("ICMP")) {
            throw new InvalidInputException("InvalidIpProtocol", "Invalid IP protocol " + protocol + ".");
        }
        if (PORTED.contains(upper) && from > to) {
            throw badRange(from, to, "Former value cannot be greater than the later");
        }
        if (PORTED.contains(upper) && (from < 1 || to > 65535)) {
            throw badRange(from, to, "Valid " + upper + " ports should be between 1-65535");
        }
        if (upper.equals("ICMP") && (from < -1 || from > 255 || to < -1 || to > 255)) {
            throw badRange(from, to, "For ICMP, the type:code must be valid");
        }
    }

    private static InvalidInputException badRange(long from, long to, String why) {
        return new InvalidInputException("InvalidPortRange", "Invalid port range " + from + ":" + to + ". " + why);
    }

    /** A /0 is only for the all-zero network ({@code 0.0.0.0/0}, {@code ::/0}). */
    private static void badPrefix(String cidr) {
        int slash = cidr.indexOf('/');
        boolean zeroNetwork = IpAddress.parse(cidr.substring(0, slash)).orElseThrow().value().signum() == 0;
        if (!zeroNetwork && HypervisorIds.integer(cidr.substring(slash + 1)).orElseThrow() == 0) {
            throw InvalidInputException.badRequest("Bad prefix for network in cidr " + cidr);
        }
    }
}
