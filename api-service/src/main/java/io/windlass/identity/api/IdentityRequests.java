package io.windlass.identity.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import io.windlass.identity.persistence.DomainEntity;
import io.windlass.identity.persistence.IdentityRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keystone's user and project bodies ({@code {"user": {...}}}), read once
 * {@code schemas/identity/users/} and {@code schemas/identity/projects/} accept them.
 */
@ApplicationScoped
public class IdentityRequests {
    private final RequestValidator validator;
    private final IdentityRepository repository;

    public IdentityRequests(RequestValidator validator, IdentityRepository repository) {
        this.validator = validator;
        this.repository = repository;
    }

    /** @param id the user updated, or null for a create */
    public RequestFields user(JsonNode body, String id) {
        return member("user", body, id);
    }

    /** @param id the project updated, or null for a create */
    public RequestFields project(JsonNode body, String id) {
        return member("project", body, id);
    }

    /** The body's {@code domain_id} (which must exist), else the Default domain. */
    public String domainId(RequestFields member) {
        String id = member.text("domain_id");
        return id == null ? DomainEntity.DEFAULT_ID
                : repository.domain(id).orElseThrow(() -> KeystoneException.notFound("domain", id)).id;
    }

    private RequestFields member(String kind, JsonNode body, String id) {
        RequestFields member = validator.body(ApiFamily.KEYSTONE, "identity/" + kind + "s/"
                + (id == null ? "create" : "update"), AuthRequests.UNVERSIONED, body).object(kind);
        // Keystone's _require_matching_id
        if (id != null && member.has("id") && !member.text("id").equals(id)) {
            throw KeystoneException.badRequest("Cannot change ID");
        }
        return member;
    }
}
