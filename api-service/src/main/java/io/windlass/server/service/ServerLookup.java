package io.windlass.server.service;

import io.windlass.api.error.ConflictException;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.context.RequestContext;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.server.persistence.ServerRepository;
import io.windlass.server.policy.ServerPolicy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Finds the live server a caller names. Another project's server is a 404, exactly like a
 * missing one, unless policy lets the caller act on that project (admins): what the caller
 * may not see does not exist for them.
 */
@ApplicationScoped
public class ServerLookup {
    private final ServerRepository repository;
    private final ServerPolicy policy;

    public ServerLookup(ServerRepository repository, ServerPolicy policy) {
        this.repository = repository;
        this.policy = policy;
    }

    /** @param rule the rule that must allow the caller on the server's project */
    public ServerEntity visible(RequestContext caller, String id, String rule) {
        UUID uuid = parse(id);
        ServerEntity server = repository.findLive(uuid).orElseThrow(() -> notFound(id));
        if (!server.projectId.equals(caller.projectId()) && !policy.allows(rule, caller, server.projectId)) {
            throw notFound(id);
        }
        return server;
    }

    /**
     * As {@link #authorized}, a deleted server included (Nova's {@code read_deleted='yes'}: its
     * instance actions from 2.21).
     */
    public ServerEntity authorizedEvenDeleted(RequestContext caller, String id, String rule) {
        UUID uuid = parse(id);
        ServerEntity server = repository.findAny(uuid).orElseThrow(() -> notFound(id));
        if (!server.projectId.equals(caller.projectId()) && !policy.allows(rule, caller, server.projectId)) {
            throw notFound(id);
        }
        policy.authorize(rule, caller, server.projectId);
        return server;
    }

    /**
     * The server, found as {@link #visible} finds it, once {@code rule} allows the caller on it (a
     * 403 for a server the caller sees but may not act on, as Nova's {@code context.can}).
     */
    public ServerEntity authorized(RequestContext caller, String id, String rule) {
        ServerEntity server = visible(caller, id, rule);
        policy.authorize(rule, caller, server.projectId);
        return server;
    }

    /**
     * As {@link #authorized}, for a call to the server's host: a server on no host (never placed, or
     * shelved off its host) is Nova's {@code check_instance_host} 409.
     */
    public ServerEntity authorizedOnItsHost(RequestContext caller, String id, String rule) {
        ServerEntity server = authorized(caller, id, rule);
        if (server.host == null) {
            throw new ConflictException("InstanceNotReady", "Instance " + server.uuid + " is not ready");
        }
        return server;
    }

    /** Nova looks names up as uuids only: anything else is simply not found. */
    public static UUID parse(String id) {
        try {
            UUID uuid = UUID.fromString(id);
            // UUID.fromString accepts short groups ("1-1-1-1-1"); Nova's ids are canonical
            if (!uuid.toString().equalsIgnoreCase(id)) {
                throw notFound(id);
            }
            return uuid;
        } catch (IllegalArgumentException e) {
            throw notFound(id);
        }
    }

    public static ResourceNotFoundException notFound(String id) {
        return new ResourceNotFoundException("InstanceNotFound", "Instance " + id + " could not be found.");
    }
}
