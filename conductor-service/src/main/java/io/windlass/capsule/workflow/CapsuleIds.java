package io.windlass.capsule.workflow;

import io.windlass.rpc.RpcHandlerException;

import java.util.UUID;

/** Capsule uuids arrive as strings; a malformed one is the sender's bug, not worth a retry. */
final class CapsuleIds {

    private CapsuleIds() {
    }

    static UUID parse(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RpcHandlerException("InvalidRequest", "capsule uuid is not a UUID: " + value);
        }
    }
}
