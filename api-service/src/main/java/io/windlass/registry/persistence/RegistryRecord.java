package io.windlass.registry.persistence;

import java.util.UUID;

/**
 * One row of {@code registries} as the api-service reads it: everything but the password, which the
 * api-service writes sealed and never reads back (the API shows it as {@code ***}).
 *
 * @param id        database key (Zun's internal id, never shown)
 * @param uuid      the registry's id
 * @param projectId the owning project
 * @param userId    the user who made it
 * @param name      Zun's optional name
 * @param domain    the registry's domain ({@code registry.example:5000})
 * @param username  the login's user, or null for a registry without a login
 */
public record RegistryRecord(long id, UUID uuid, String projectId, String userId, String name, String domain,
                             String username) {
}
