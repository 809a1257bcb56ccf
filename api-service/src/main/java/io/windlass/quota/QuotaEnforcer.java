package io.windlass.quota;

import io.windlass.api.error.ApiException;
import io.windlass.server.InjectedFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reserves quota for a new container inside the caller's transaction, with one conditional
 * upsert for all its resources: PostgreSQL row locks serialise concurrent creates of a project,
 * so they cannot overshoot, and a rolled-back create rolls its reservation back with it.
 * Usage is released by the {@code containers} delete trigger (V3__quotas.sql), wherever the
 * row is deleted from.
 */
@ApplicationScoped
public class QuotaEnforcer {
    /**
     * Adds each amount to the project's usage of its resource where the sum stays within the
     * limit (an explicit one in {@code quotas}, else the {@code default} quota class's (Nova's name
     * for the class of every project's defaults, set with os-quota-class-sets), else the
     * configured default passed along; -1 is unlimited), creating the usage row on first use, and returns the resources it reserved. On
     * an existing row the limit is checked in ON CONFLICT's WHERE, which PostgreSQL evaluates on
     * the newest row version under the row lock: concurrent creates of a project cannot overshoot.
     * The small epsilon absorbs float noise in fractional cpu sums (0.1 + 0.2 > 0.3).
     */
    private static final String RESERVE = """
            WITH requested AS (
                SELECT r.resource, r.amount, COALESCE(q.hard_limit, c.hard_limit, r.default_limit) AS hard_limit
                FROM unnest(?::text[], ?::float8[], ?::float8[]) AS r(resource, amount, default_limit)
                LEFT JOIN quotas q ON q.project_id = ? AND q.resource = r.resource
                LEFT JOIN quota_classes c ON c.class_name = 'default' AND c.resource = r.resource)
            INSERT INTO quota_usages AS u (project_id, resource, in_use)
            SELECT ?, resource, amount FROM requested WHERE hard_limit < 0 OR amount <= hard_limit + 1e-9
            ON CONFLICT (project_id, resource) DO UPDATE SET in_use = u.in_use + EXCLUDED.in_use
            WHERE (SELECT hard_limit < 0 OR u.in_use + EXCLUDED.in_use <= hard_limit + 1e-9
                   FROM requested WHERE requested.resource = u.resource)
            RETURNING u.resource""";

    private final EntityManager em;
    private final QuotaConfig config;
    private final QuotaRefusals refusals;

    public QuotaEnforcer(EntityManager em, QuotaConfig config, QuotaRefusals refusals) {
        this.em = em;
        this.config = config;
        this.refusals = refusals;
    }

    /** @throws OverQuotaException naming every resource that would exceed its limit */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reserveContainer(String projectId, double cpu, int memoryMb) {
        Map<QuotaResource, Double> amounts = new LinkedHashMap<>();
        amounts.put(QuotaResource.CONTAINERS, 1.0);
        amounts.put(QuotaResource.CPU, cpu);
        amounts.put(QuotaResource.MEMORY, (double) memoryMb);
        List<QuotaResource> exceeded = reserve(projectId, amounts);
        if (!exceeded.isEmpty()) {
            // the transaction is rolled back by the exception, undoing the reservations that did fit
            throw new OverQuotaException(exceeded);
        }
    }

    /**
     * A capsule counts each app container as one of the project's containers, plus its cpu
     * and memory; the {@code capsules} delete trigger (V9__capsule_quotas.sql) gives them back.
     *
     * @throws OverQuotaException naming every resource that would exceed its limit
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reserveCapsule(String projectId, int appContainers, double cpu, int memoryMb) {
        Map<QuotaResource, Double> amounts = new LinkedHashMap<>();
        amounts.put(QuotaResource.CONTAINERS, (double) appContainers);
        amounts.put(QuotaResource.CPU, cpu);
        amounts.put(QuotaResource.MEMORY, (double) memoryMb);
        List<QuotaResource> exceeded = reserve(projectId, amounts);
        if (!exceeded.isEmpty()) {
            throw new OverQuotaException(exceeded);
        }
    }

    /**
     * Reserves every amount that fits and answers the resources that did not; the caller
     * throws (rolling the transaction back) when the answer is not empty. One statement for all
     * resources ({@link #RESERVE}): a project's creates take turns on its usage rows, so each round
     * trip inside that turn is paid by every create queued behind it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<QuotaResource> reserve(String projectId, Map<QuotaResource, Double> amounts) {
        List<QuotaResource> resources = List.copyOf(amounts.keySet());
        Set<String> reserved = em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(RESERVE)) {
                statement.setArray(1, connection.createArrayOf("text",
                        resources.stream().map(QuotaResource::key).toArray()));
                statement.setArray(2, connection.createArrayOf("float8", resources.stream().map(amounts::get).toArray()));
                statement.setArray(3, connection.createArrayOf("float8",
                        resources.stream().map(r -> (double) configuredLimit(r)).toArray()));
                statement.setString(4, projectId);
                statement.setString(5, projectId);
                Set<String> done = new HashSet<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        done.add(rows.getString(1));
                    }
                }
                return done;
            }
        });
        List<QuotaResource> exceeded = resources.stream().filter(r -> !reserved.contains(r.key())).toList();
        // every caller refuses the request when anything exceeded its limit
        exceeded.forEach(r -> refusals.refused(r.key()));
        return exceeded;
    }

    /**
     * Nova's quota-style limits on what one server carries ({@code _check_metadata_properties_quota},
     * {@code _check_injected_file_quota}): the project's limits, a 403 naming the one exceeded.
     */
    public void checkServerContents(String projectId, int metadataItems, List<InjectedFile> files) {
        long metadata = limit(projectId, QuotaResource.METADATA_ITEMS);
        refuseOver(QuotaResource.METADATA_ITEMS, metadataItems, metadata, "MetadataLimitExceeded",
                "Maximum number of metadata items exceeds " + metadata);
        long pathLength = limit(projectId, QuotaResource.INJECTED_FILE_PATH_LENGTH);
        long contentBytes = limit(projectId, QuotaResource.INJECTED_FILE_CONTENT_BYTES);
        for (InjectedFile file : files) {
            refuseOver(QuotaResource.INJECTED_FILE_PATH_LENGTH, file.path().length(), pathLength,
                    "OnsetFilePathLimitExceeded", "Personality file path exceeds maximum " + pathLength);
            refuseOver(QuotaResource.INJECTED_FILE_CONTENT_BYTES,
                    Base64.getMimeDecoder().decode(file.contents()).length, contentBytes,
                    "OnsetFileContentLimitExceeded", "Personality file content exceeds maximum " + contentBytes);
        }
        refuseOver(QuotaResource.INJECTED_FILES, files.size(), limit(projectId, QuotaResource.INJECTED_FILES),
                "OnsetFileLimitExceeded", "Personality file limit exceeded");
    }

    /**
     * Nova's {@code check_img_metadata_properties_quota}, before 2.39: an image's metadata (createImage,
     * createBackup) within the project's {@code metadata_items}.
     */
    public void checkImageMetadata(String projectId, int metadataItems) {
        if (metadataItems > 0) {
            refuseOver(QuotaResource.METADATA_ITEMS, metadataItems, limit(projectId, QuotaResource.METADATA_ITEMS),
                    "Forbidden", "Image metadata limit exceeded");
        }
    }

    /** A negative limit is no limit. */
    private void refuseOver(QuotaResource resource, long count, long limit, String error, String message) {
        if (limit >= 0 && count > limit) {
            refused(resource);
            throw new ApiException(403, error, message);
        }
    }

    /** Counts a request refused over {@code resource}, for the callers that check a limit themselves. */
    public void refused(QuotaResource resource) {
        refusals.refused(resource.key());
    }

    /** What the project uses of a counted resource now (0 when it never used any). */
    public double inUse(String projectId, QuotaResource resource) {
        List<?> row = em.createNativeQuery("select in_use from quota_usages where project_id = ?1 and resource = ?2")
                .setParameter(1, projectId).setParameter(2, resource.key()).getResultList();
        return row.isEmpty() ? 0 : ((Number) row.getFirst()).doubleValue();
    }

    /** The project's own limit, else the {@code default} quota class's, else the configured one. */
    public long limit(String projectId, QuotaResource resource) {
        Object set = em.createNativeQuery("""
                        select coalesce(q.hard_limit, c.hard_limit) from (select 1) as one
                        left join quotas q on q.project_id = ?1 and q.resource = ?2
                        left join quota_classes c on c.class_name = 'default' and c.resource = ?2""")
                .setParameter(1, projectId).setParameter(2, resource.key()).getSingleResult();
        return set == null ? configuredLimit(resource) : ((Number) set).longValue();
    }

    /** Gives the project its own limit of the resource (-1: unlimited), replacing the default. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void setLimit(String projectId, QuotaResource resource, long limit) {
        em.createNativeQuery("insert into quotas (project_id, resource, hard_limit) values (?1, ?2, ?3) "
                        + "on conflict (project_id, resource) do update set hard_limit = excluded.hard_limit")
                .setParameter(1, projectId).setParameter(2, resource.key()).setParameter(3, limit).executeUpdate();
    }

    /** The project's own limits of these resources go: the defaults apply again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void clearLimits(String projectId, List<QuotaResource> resources) {
        em.createNativeQuery("delete from quotas where project_id = ?1 and resource = any (cast(?2 as text[]))")
                .setParameter(1, projectId)
                .setParameter(2, "{" + String.join(",", resources.stream().map(QuotaResource::key).toList()) + "}")
                .executeUpdate();
    }

    /**
     * What a project without a limit of its own gets: the {@code default} quota class's limit
     * (os-quota-class-sets), else the configured one.
     */
    public long defaultLimit(QuotaResource resource) {
        List<?> classLimit = em.createNativeQuery("select hard_limit from quota_classes where class_name = 'default' "
                + "and resource = ?1").setParameter(1, resource.key()).getResultList();
        return classLimit.isEmpty() ? configuredLimit(resource) : ((Number) classLimit.getFirst()).longValue();
    }

    /** The limit {@code windlass.quota.*} sets, under every quota class's. */
    public long configuredLimit(QuotaResource resource) {
        return switch (resource) {
            case CONTAINERS -> config.containers();
            case CPU -> config.cpu();
            case MEMORY -> config.memory();
            case INSTANCES -> config.instances();
            case CORES -> config.cores();
            case RAM -> config.ram();
            case METADATA_ITEMS -> config.metadataItems();
            case INJECTED_FILES -> config.injectedFiles();
            case INJECTED_FILE_CONTENT_BYTES -> config.injectedFileContentBytes();
            case INJECTED_FILE_PATH_LENGTH -> config.injectedFilePathLength();
            case KEY_PAIRS -> config.keyPairs();
            case SERVER_GROUPS -> config.serverGroups();
            case SERVER_GROUP_MEMBERS -> config.serverGroupMembers();
        };
    }
}
