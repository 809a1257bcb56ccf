package io.windlass.subnet.service;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address as a number, parsed without any name lookup and printed as Neutron
 * prints it (dotted quad; RFC 5952 compressed lower-case IPv6).
 */
public record IpAddress(BigInteger value, int version) implements Comparable<IpAddress> {
    private static final Pattern V4 = Pattern.compile("^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}$");
    private static final Pattern V6_GROUP = Pattern.compile("^[0-9a-fA-F]{1,4}$");

    public static Optional<IpAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (V4.matcher(text).matches()) {
            BigInteger v = BigInteger.ZERO;
            for (String part : text.split("\\.")) {
                v = v.shiftLeft(8).add(BigInteger.valueOf(Integer.parseInt(part)));
            }
            return Optional.of(new IpAddress(v, 4));
        }
        return parseV6(text);
    }

    private static Optional<IpAddress> parseV6(String text) {
        if (!text.contains(":") || text.indexOf("::") != text.lastIndexOf("::")) {
            return Optional.empty();
        }
        int last = text.lastIndexOf(':');
        if (text.indexOf('.', last) > 0) {
            // an IPv4 address in the last 32 bits (RFC 4291 2.2 form 3): as its two groups
            Optional<IpAddress> v4 = parse(text.substring(last + 1)).filter(a -> a.version() == 4);
            if (v4.isEmpty()) {
                return Optional.empty();
            }
            long bits = v4.get().value().longValue();
            return parseV6(text.substring(0, last + 1) + Long.toHexString(bits >> 16) + ":"
                    + Long.toHexString(bits & 0xffff));
        }
        String[] halves = text.split("::", -1);
        String[] head = halves[0].isEmpty() ? new String[0] : halves[0].split(":", -1);
        String[] tail = halves.length == 1 || halves[1].isEmpty() ? new String[0] : halves[1].split(":", -1);
        int groups = head.length + tail.length;
        if (halves.length == 1 ? groups != 8 : groups > 7) {
            return Optional.empty();
        }
        BigInteger v = BigInteger.ZERO;
        for (String group : head) {
            if (!V6_GROUP.matcher(group).matches()) {
                return Optional.empty();
            }
            v = v.shiftLeft(16).add(new BigInteger(group, 16));
        }
        v = v.shiftLeft(16 * (8 - head.length));
        BigInteger low = BigInteger.ZERO;
        for (String group : tail) {
            if (!V6_GROUP.matcher(group).matches()) {
                return Optional.empty();
            }
            low = low.shiftLeft(16).add(new BigInteger(group, 16));
        }
        return Optional.of(new IpAddress(v.add(low), 6));
    }

    public static int bits(int version) {
        return version == 4 ? 32 : 128;
    }

    public IpAddress plus(long n) {
        return new IpAddress(value.add(BigInteger.valueOf(n)), version);
    }

    @Override
    public int compareTo(IpAddress other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        if (version == 4) {
            long v = value.longValue();
            return (v >> 24 & 255) + "." + (v >> 16 & 255) + "." + (v >> 8 & 255) + "." + (v & 255);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = value.shiftRight(16 * (7 - i)).intValue() & 0xffff;
        }
        // RFC 5952: the longest run (first on ties) of two or more zero groups becomes "::"
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!out.isEmpty() && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
