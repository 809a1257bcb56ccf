package io.windlass.api.lookup;

import io.windlass.api.error.ConflictException;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.context.RequestContext;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Zun's rule for a {@code {container_ident}} or {@code {capsule_ident}}: a uuid or a name.
 * Non-admins see their own project only (another project's resource is 404, not 403); admins
 * search every project, as Zun does for lookups by ident; a name matching several is 409.
 *
 * @param <T> the resource's entity
 */
public abstract class ZunIdentLookup<T> {

    /** The resource's name in messages, capitalised: {@code Container}, {@code Capsule}. */
    protected abstract String kind();

    /** The resource's plural in messages: {@code containers}, {@code registries}. */
    protected String plural() {
        return kind().toLowerCase() + "s";
    }

    protected abstract Optional<T> findByUuid(UUID uuid);

    /** @param projectId null for every project */
    protected abstract List<T> findByName(String name, String projectId);

    protected abstract String projectOf(T resource);

    /** Throws when the caller may not look beyond its own project. */
    protected abstract void authorizeAllProjects(String rule, RequestContext caller);

    /**
     * @param allProjects     the caller asked to look beyond its project
     * @param allProjectsRule the policy rule that must allow that
     */
    public T resolve(RequestContext caller, String ident, boolean allProjects, String allProjectsRule) {
        if (allProjects) {
            authorizeAllProjects(allProjectsRule, caller);
        }
        String scope = caller.isAdmin() || allProjects ? null : caller.projectId();
        Optional<UUID> uuid = asUuid(ident);
        if (uuid.isPresent()) {
            return findByUuid(uuid.get())
                    .filter(found -> scope == null || scope.equals(projectOf(found)))
                    .orElseThrow(() -> notFound(ident));
        }
        List<T> named = findByName(ident, scope);
        if (named.isEmpty()) {
            throw notFound(ident);
        }
        if (named.size() > 1) {
            throw new ConflictException("Conflict", "Multiple " + plural() + " exist with same name. Please use the "
                    + kind().toLowerCase() + " uuid instead.");
        }
        return named.getFirst();
    }

    /** Zun's 404: {@code ContainerNotFound} "Container x could not be found." */
    public ResourceNotFoundException notFound(String ident) {
        return new ResourceNotFoundException(kind() + "NotFound", kind() + " " + ident + " could not be found.");
    }

    /** A {@code {ident}} that is a uuid in its 36-character form; a name otherwise. */
    public static Optional<UUID> asUuid(String ident) {
        if (ident.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(ident));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
