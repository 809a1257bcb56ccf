package io.windlass.server.service;

import io.windlass.server.ServerAction;

/** What a {@code POST /servers/{id}/action} body asks for, once its schema has accepted it. */
public sealed interface ServerActionRequest permits ServerActionRequest.Power, EvacuationRequest {

    /** A power action, done by the server's host. */
    record Power(ServerAction action) implements ServerActionRequest {
    }
}
