package io.windlass.identity.service;

import java.util.List;

/**
 * A parsed {@code POST /v3/auth/tokens} body.
 *
 * @param methods  the identity methods the client listed
 * @param password the password method's user, or null
 * @param token    the token being re-scoped (token method), or null
 * @param scope    the requested project, or null for "unscoped" (default project if any)
 */
public record AuthRequest(List<String> methods, PasswordCredentials password, String token, ProjectRef scope) {

    /** A user named by id, or by name within a domain given by id or name; plus the password. */
    public record PasswordCredentials(UserRef user, String password) {
    }

    /** A user by id, or by name + domain. */
    public record UserRef(String id, String name, DomainRef domain) {
    }

    /** A project by id, or by name + domain. */
    public record ProjectRef(String id, String name, DomainRef domain) {
    }

    /** A domain by id or by name. */
    public record DomainRef(String id, String name) {
    }
}
