package io.windlass.zunimage.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Queries on {@code zun_images}. */
@ApplicationScoped
public class ZunImageRepository {
    /**
     * Zun's sort keys Windlass lists by (columns no row leaves empty, so a page resumes after its
     * marker on (key, id) alone), each with the attribute it reads and how to read it off a marker.
     */
    private static final Map<String, Sort> SORTS = Map.of(
            "id", new Sort("id", i -> i.id),
            "uuid", new Sort("uuid", i -> i.uuid),
            "project_id", new Sort("projectId", i -> i.projectId),
            "repo", new Sort("repo", i -> i.repo),
            "tag", new Sort("tag", i -> i.tag),
            "host", new Sort("host", i -> i.host),
            "created_at", new Sort("createdAt", i -> i.createdAt),
            "updated_at", new Sort("updatedAt", i -> i.updatedAt));

    private record Sort(String attribute, Function<ZunImageEntity, Object> value) {
    }

    /**
     * A page of one project's images.
     *
     * @param sortKey one of Zun's column names above
     * @param marker  the last row of the previous page, or null
     */
    public record Page(String projectId, String sortKey, boolean ascending, int limit, ZunImageEntity marker) {
    }

    private final EntityManager em;

    public ZunImageRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<ZunImageEntity> find(UUID uuid) {
        return em.createQuery("from ZunImageEntity i where i.uuid = :uuid", ZunImageEntity.class)
                .setParameter("uuid", uuid).getResultStream().findFirst();
    }

    /** The row, locked until the transaction ends. */
    public Optional<ZunImageEntity> lock(UUID uuid) {
        return em.createQuery("from ZunImageEntity i where i.uuid = :uuid", ZunImageEntity.class)
                .setParameter("uuid", uuid).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    public boolean exists(String repo, String tag, String host) {
        return !em.createQuery("select i.id from ZunImageEntity i where i.repo = :repo and i.tag = :tag "
                        + "and i.host = :host", Long.class).setParameter("repo", repo).setParameter("tag", tag)
                .setParameter("host", host).getResultList().isEmpty();
    }

    /** Keyset paging: the rows after the marker on (sort key, id), in the page's direction. */
    public List<ZunImageEntity> page(Page page) {
        Sort sort = SORTS.get(page.sortKey());
        if (sort == null) {
            throw new IllegalArgumentException("images are not sorted by " + page.sortKey());
        }
        String key = "i." + sort.attribute();
        String after = page.ascending() ? ">" : "<";
        String direction = page.ascending() ? " asc" : " desc";
        StringBuilder jpql = new StringBuilder("from ZunImageEntity i where i.projectId = :project");
        if (page.marker() != null) {
            jpql.append(key.equals("i.id") ? " and i.id " + after + " :markerId"
                    : " and (" + key + " " + after + " :markerKey or (" + key + " = :markerKey and i.id " + after
                    + " :markerId))");
        }
        jpql.append(" order by ").append(key).append(direction);
        if (!key.equals("i.id")) {
            jpql.append(", i.id").append(direction);
        }
        TypedQuery<ZunImageEntity> query = em.createQuery(jpql.toString(), ZunImageEntity.class)
                .setParameter("project", page.projectId());
        if (page.marker() != null) {
            query.setParameter("markerId", page.marker().id);
            if (!key.equals("i.id")) {
                query.setParameter("markerKey", sort.value().apply(page.marker()));
            }
        }
        return query.setMaxResults(page.limit()).getResultList();
    }
}
