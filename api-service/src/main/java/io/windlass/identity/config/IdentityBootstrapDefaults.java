package io.windlass.identity.config;

/** Defaults that code must recognise, not just apply. */
public final class IdentityBootstrapDefaults {
    /** The development admin password; using it logs a WARN. */
    public static final String DEV_PASSWORD = "windlass-dev-admin";

    private IdentityBootstrapDefaults() {
    }
}
