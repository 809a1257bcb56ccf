package io.windlass.server.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.context.RequestContext;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.server.persistence.ServerRepository;
import io.windlass.server.policy.ServerPolicy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

/**
 * Nova's server tags ({@code server_tags.py}, 2.26+): listed, checked, replaced, added and removed
 * one at a time or all at once. Changes need the server ACTIVE, PAUSED, SUSPENDED or STOPPED, as
 * Nova's {@code _check_instance_in_valid_state} (which looks at neither the lock nor the task).
 */
@ApplicationScoped
public class ServerTags {
    /** Nova's {@code objects.instance.MAX_TAG_COUNT}. */
    public static final int MAX_TAGS = 50;

    private final ServerRepository repository;
    private final ServerLookup lookup;
    private final ObjectMapper json;

    public ServerTags(ServerRepository repository, ServerLookup lookup, ObjectMapper json) {
        this.json = json;
        this.repository = repository;
        this.lookup = lookup;
    }

    /** What adding one tag did. */
    public enum Added { CREATED, ALREADY_THERE }

    public List<String> index(RequestContext caller, String id) {
        return lookup.authorized(caller, id, ServerPolicy.TAGS_INDEX).tags;
    }

    /** @throws ResourceNotFoundException when the server has no such tag */
    public void show(RequestContext caller, String id, String tag) {
        ServerEntity server = lookup.authorized(caller, id, ServerPolicy.TAGS_SHOW);
        if (!server.tags.contains(tag)) {
            throw notFound(id, tag);
        }
    }

    /** PUT: exactly these tags (each once, in the order given). */
    public List<String> replace(RequestContext caller, String id, List<String> tags) {
        return change(caller, id, ServerPolicy.TAGS_UPDATE_ALL, "update tags",
                current -> List.copyOf(new LinkedHashSet<>(tags)));
    }

    /** PUT of one tag: 201 when new, 204 when there already; the 51st is refused as Nova refuses it. */
    public Added add(RequestContext caller, String id, String tag) {
        List<String> before = new ArrayList<>();
        change(caller, id, ServerPolicy.TAGS_UPDATE, "update tag", current -> {
            before.addAll(current);
            if (current.size() >= MAX_TAGS) {
                throw InvalidInputException.badRequest("The number of tags exceeded the per-server limit " + MAX_TAGS);
            }
            if (current.contains(tag)) {
                return current;
            }
            List<String> changed = new ArrayList<>(current);
            changed.add(tag);
            return List.copyOf(changed);
        });
        return before.contains(tag) ? Added.ALREADY_THERE : Added.CREATED;
    }

    public void delete(RequestContext caller, String id, String tag) {
        change(caller, id, ServerPolicy.TAGS_DELETE, "delete tag", current -> {
            if (!current.contains(tag)) {
                throw notFound(id, tag);
            }
            return current.stream().filter(t -> !t.equals(tag)).toList();
        });
    }

    public void deleteAll(RequestContext caller, String id) {
        change(caller, id, ServerPolicy.TAGS_DELETE_ALL, "delete tags", current -> List.of());
    }

    private List<String> change(RequestContext caller, String id, String rule, String method,
                                Function<List<String>, List<String>> how) {
        ServerEntity found = lookup.authorized(caller, id, rule);
        return QuarkusTransaction.requiringNew().call(() -> {
            ServerEntity s = repository.lockLive(found.uuid).orElseThrow(() -> ServerLookup.notFound(id));
            if (!ServerActionRules.DESCRIBABLE.contains(s.vmState)) {
                throw ServerActionRules.invalidState(s, method, "vm_state", s.vmState.value());
            }
            List<String> next = List.copyOf(how.apply(s.tags));
            try {
                repository.writeTags(s.uuid, json.writeValueAsString(next));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a list of strings is always JSON", e);
            }
            return next;
        });
    }


    private static ResourceNotFoundException notFound(String id, String tag) {
        return new ResourceNotFoundException("NotFound", "Server " + id + " has no tag '" + tag + "'");
    }
}
