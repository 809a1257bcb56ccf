package io.windlass.container.workflow;

import io.windlass.rpc.RpcHandlerException;

import java.util.UUID;

/** Container uuids arrive as strings; a malformed one is the sender's bug, not worth a retry. */
final class ContainerIds {

    private ContainerIds() {
    }

    static UUID parse(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RpcHandlerException("InvalidRequest", "container uuid is not a UUID: " + value);
        }
    }
}
