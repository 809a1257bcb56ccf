package io.windlass.scheduler.selection;

import io.windlass.rpc.RpcHandlerException;

import java.util.UUID;

/** Consumer uuids arrive as strings; a malformed one is the sender's bug, not worth a retry. */
public final class ConsumerIds {

    private ConsumerIds() {
    }

    public static UUID parse(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RpcHandlerException("InvalidRequest", "consumer uuid is not a UUID: " + value);
        }
    }
}
