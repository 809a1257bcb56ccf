package io.windlass.keypair.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Native SQL on {@code key_pairs}. */
@ApplicationScoped
public class KeyPairRepository {
    private static final String COLUMNS = "id, user_id, name, type, fingerprint, public_key, created_at";

    private final EntityManager em;

    public KeyPairRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<KeyPairRecord> find(String userId, String name) {
        return read(em.createNativeQuery("SELECT " + COLUMNS + " FROM key_pairs WHERE user_id = :user AND name = :name")
                .setParameter("user", userId).setParameter("name", name).getResultList()).stream().findFirst();
    }

    /**
     * One page of the user's key pairs in creation order (Nova pages them by id), after the
     * pair named {@code markerId}'s row when there is one.
     */
    public List<KeyPairRecord> page(String userId, Long markerId, int limit) {
        var q = em.createNativeQuery("SELECT " + COLUMNS + " FROM key_pairs WHERE user_id = :user"
                + (markerId == null ? "" : " AND id > :marker") + " ORDER BY id LIMIT :limit")
                .setParameter("user", userId).setParameter("limit", limit);
        if (markerId != null) {
            q.setParameter("marker", markerId);
        }
        return read(q.getResultList());
    }

    /**
     * Serialises the user's key pair changes until the transaction ends: the quota count and the
     * insert that follows it see no concurrent create (Nova rechecks after the insert instead).
     */
    public void lockUser(String userId) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('key_pairs:' || :user))")
                .setParameter("user", userId).getSingleResult();
    }

    public long count(String userId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM key_pairs WHERE user_id = :user")
                .setParameter("user", userId).getSingleResult()).longValue();
    }

    /** Inserts the pair unless the user has one of that name; answers the row, or empty on a clash. */
    public Optional<KeyPairRecord> insert(String userId, String name, String type, String fingerprint,
                                          String publicKey) {
        return read(em.createNativeQuery("INSERT INTO key_pairs (user_id, name, type, fingerprint, public_key) "
                        + "VALUES (:user, :name, :type, :fingerprint, :key) ON CONFLICT DO NOTHING RETURNING " + COLUMNS)
                .setParameter("user", userId).setParameter("name", name).setParameter("type", type)
                .setParameter("fingerprint", fingerprint).setParameter("key", publicKey).getResultList())
                .stream().findFirst();
    }

    public boolean delete(String userId, String name) {
        return em.createNativeQuery("DELETE FROM key_pairs WHERE user_id = :user AND name = :name")
                .setParameter("user", userId).setParameter("name", name).executeUpdate() == 1;
    }

    @SuppressWarnings("unchecked")
    private static List<KeyPairRecord> read(List<?> rows) {
        return ((List<Object[]>) rows).stream().map(c -> new KeyPairRecord(((Number) c[0]).longValue(), (String) c[1],
                (String) c[2], (String) c[3], (String) c[4], (String) c[5], instant(c[6]))).toList();
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp type " + value.getClass());
        };
    }
}
