package io.windlass.identity.service;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/**
 * What a token says, signed. Self-contained so that any replica can validate a token
 * without asking another one; names are looked up only when a client asks to see them.
 *
 * @param userId    who authenticated
 * @param projectId scope, or null for an unscoped token
 * @param roles     role names on the project, implied ones included
 * @param methods   how the user authenticated ({@code password}, {@code token})
 * @param issuedAt  issue time, epoch seconds (enough precision, and keeps tokens short)
 * @param expiresAt expiry, epoch seconds
 * @param auditId   this token's id for revocation and logs (the token itself is never logged)
 * @param chainId   audit id of the token this one was re-scoped from, or null
 * @param issuedAtMs issue time, epoch milliseconds, or null in tokens from before revocation events:
 *                   a role removed and a new token issued within the same second must tell the
 *                   new token from the old ones
 */
public record TokenClaims(@JsonProperty("u") String userId, @JsonProperty("p") String projectId,
                          @JsonProperty("r") List<String> roles, @JsonProperty("m") List<String> methods,
                          @JsonProperty("iat") long issuedAt, @JsonProperty("exp") long expiresAt,
                          @JsonProperty("a") String auditId, @JsonProperty("c") String chainId,
                          @JsonProperty("iam") Long issuedAtMs) {

    /** Issue time in epoch milliseconds; the start of its second for tokens that carry only seconds. */
    public long issuedAtMillis() {
        return issuedAtMs != null ? issuedAtMs : issuedAt * 1000;
    }

    public Instant issued() {
        return Instant.ofEpochSecond(issuedAt);
    }

    public Instant expires() {
        return Instant.ofEpochSecond(expiresAt);
    }

    public List<String> auditIds() {
        return chainId == null ? List.of(auditId) : List.of(auditId, chainId);
    }
}
