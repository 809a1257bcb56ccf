package io.windlass.api.auth;

/** The token is missing, malformed, tampered, expired or revoked; the message says which, for the client. */
public class AuthenticationFailed extends RuntimeException {
    public AuthenticationFailed(String message) {
        super(message);
    }
}
