package io.windlass.api.auth;

/** Turns an {@code X-Auth-Token} into the caller it stands for. One implementation per auth strategy. */
public interface TokenAuthenticator {

    /** @throws AuthenticationFailed when the token is not (or no longer) valid */
    Caller authenticate(String token);

    /** The identity URL clients are sent to in {@code WWW-Authenticate}; {@code root} is this API's root. */
    String identityUri(String root);
}
