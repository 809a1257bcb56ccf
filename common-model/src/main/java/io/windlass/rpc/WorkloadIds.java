package io.windlass.rpc;

import java.util.UUID;

/** Workload uuids arrive in messages as strings; a malformed one is the sender's bug, not worth a retry. */
public final class WorkloadIds {

    private WorkloadIds() {
    }

    /**
     * @param kind names the workload in the error ({@code container}, {@code capsule}, {@code server})
     * @throws RpcHandlerException {@code InvalidRequest} when the value is not a uuid
     */
    public static UUID parse(String value, String kind) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RpcHandlerException("InvalidRequest", kind + " uuid is not a UUID: " + value);
        }
    }
}
