package io.windlass.container;

/**
 * The login for a private registry, as the host that pulls a container's image gives it to the engine
 * (Docker's {@code X-Registry-Auth}). It reaches the host only inside the create message (compute RPC 1.20):
 * the agent has no database, and keeps it nowhere. {@link #toString} leaves the password out, so that no log
 * line or exception that prints a spec can carry it.
 *
 * @param domain   the registry's domain, as Zun's registry names it ({@code registry.example:5000})
 * @param username the user
 * @param password the password, or null for a user without one
 */
public record RegistryLogin(String domain, String username, String password) {
    @Override
    public String toString() {
        return "RegistryLogin[domain=" + domain + ", username=" + username + ", password=<hidden>]";
    }
}
