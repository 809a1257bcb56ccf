package io.windlass.server.workflow;

import io.windlass.rpc.RpcHandlerException;

import java.util.UUID;

/** Server uuids arrive as strings; a malformed one is the sender's bug, not worth a retry. */
final class ServerIds {

    private ServerIds() {
    }

    static UUID parse(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RpcHandlerException("InvalidRequest", "server uuid is not a UUID: " + value);
        }
    }
}
