package io.windlass.rpc;

/**
 * An RPC API version "major.minor". A server at version S accepts a message sent at
 * version M when the majors are equal and M.minor <= S.minor: minor bumps only add
 * methods or optional fields, a major bump breaks the contract (as oslo.messaging).
 */
public record RpcVersion(int major, int minor) implements Comparable<RpcVersion> {

    public static RpcVersion parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("RPC version missing");
        }
        String[] parts = text.split("\\.");
        if (parts.length != 2) {
            throw new IllegalArgumentException("RPC version must be major.minor: " + text);
        }
        try {
            return new RpcVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("RPC version must be major.minor: " + text, e);
        }
    }

    /** Whether a server at this version can handle a message sent at {@code requested}. */
    public boolean canServe(RpcVersion requested) {
        return requested.major == major && requested.minor <= minor;
    }

    @Override
    public int compareTo(RpcVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    public boolean isNewerThan(RpcVersion other) {
        return compareTo(other) > 0;
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
