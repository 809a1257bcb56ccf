package io.windlass.capsule.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Queries on {@code capsules}. */
@ApplicationScoped
public class CapsuleRepository implements PanacheRepository<CapsuleEntity> {

    public Optional<CapsuleEntity> findByUuid(UUID uuid) {
        return find("uuid", uuid).firstResultOptional();
    }

    /** The row, locked until the transaction ends, so that state checks and writes cannot interleave. */
    public Optional<CapsuleEntity> lockByUuid(UUID uuid) {
        return find("uuid", uuid).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /**
     * The capsule that has a member (an app or init container) of this uuid. The members are in the
     * {@code spec} document, which is written once; the index-less scan is over one project's few
     * capsules in practice, and a lookup by a member's uuid is an exec or a log read, not a listing.
     */
    public Optional<CapsuleEntity> findByMember(UUID member) {
        String probe = "[{\"uuid\": \"" + member + "\"}]";
        return getEntityManager().createNativeQuery("select * from capsules where spec -> 'containers' @> "
                        + "cast(:probe as jsonb) or spec -> 'initContainers' @> cast(:probe as jsonb)", CapsuleEntity.class)
                .setParameter("probe", probe).getResultStream().map(CapsuleEntity.class::cast).findFirst();
    }

    /** Capsules named {@code name}, in {@code projectId} (or anywhere when it is null). */
    public List<CapsuleEntity> findByName(String name, String projectId) {
        if (projectId == null) {
            return list("name", name);
        }
        return list("name = ?1 and projectId = ?2", name, projectId);
    }

    /**
     * One page in id order (Zun's default sort), after the row with id {@code afterId}.
     *
     * @param projectId only this project, or every project when null
     */
    public List<CapsuleEntity> page(String projectId, Long afterId, boolean ascending, int limit) {
        Sort sort = ascending ? Sort.ascending("id") : Sort.descending("id");
        String after = afterId == null ? "" : ascending ? " and id > :after" : " and id < :after";
        Map<String, Object> params = new HashMap<>();
        if (afterId != null) {
            params.put("after", afterId);
        }
        String scope = "1 = 1";
        if (projectId != null) {
            scope = "projectId = :projectId";
            params.put("projectId", projectId);
        }
        return find(scope + after, sort, params).page(0, limit).list();
    }
}
