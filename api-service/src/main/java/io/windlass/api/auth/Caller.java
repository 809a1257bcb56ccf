package io.windlass.api.auth;

import java.util.List;

/**
 * Who a valid token says the caller is.
 *
 * @param userId    acting user
 * @param projectId project the token is scoped to (null when unscoped)
 * @param roles     role names, implied ones included
 * @param auditId   the token's audit id, the only trace of a token that may be logged
 */
public record Caller(String userId, String projectId, List<String> roles, String auditId) {
}
