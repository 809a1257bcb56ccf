package io.windlass.registry.service;

/**
 * A registry as {@code POST /registries} asks for it (Zun's create schema), or the fields a
 * {@code PATCH} changes (each null when not given).
 *
 * @param name     optional name
 * @param domain   the registry's domain
 * @param username the login's user, or null
 * @param password the login's password, or null; it goes no further than {@link RegistryService}, which seals it
 */
public record NewRegistry(String name, String domain, String username, String password) {
    @Override
    public String toString() {
        return "NewRegistry[name=" + name + ", domain=" + domain + ", username=" + username + ", password="
                + (password == null ? "null" : "<hidden>") + "]";
    }
}
