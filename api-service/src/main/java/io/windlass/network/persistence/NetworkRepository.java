package io.windlass.network.persistence;

import io.windlass.networking.NeutronQuery;
import io.windlass.networking.Rows;
import io.windlass.networking.SqlFilters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Native SQL on {@code networks}. */
@ApplicationScoped
public class NetworkRepository {
    private static final String SELECT = "SELECT cast(n.id as text), n.project_id, n.name, n.description, "
            + "n.admin_state_up, n.shared, n.mtu, n.port_security_enabled, n.segmentation_id, "
            + "(SELECT string_agg(cast(s.id as text), ',' ORDER BY s.created_at, s.id) FROM subnets s "
            + "WHERE s.network_id = n.id), " + Rows.timestamp("n.created_at") + ", " + Rows.timestamp("n.updated_at")
            + ", n.revision_number FROM networks n";
    /** Filters as Neutron names them; router:external is always false here. */
    private static final Map<String, String> FILTERS = Map.of("id", "n.id", "name", "n.name", "shared", "n.shared",
            "admin_state_up", "n.admin_state_up", "project_id", "n.project_id", "tenant_id", "n.project_id",
            "status", "'ACTIVE'", "router:external", "false", "description", "n.description", "mtu", "n.mtu");
    private static final Set<String> BOOLEANS = Set.of("shared", "admin_state_up", "router:external");

    private final EntityManager em;

    public NetworkRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<NetworkRecord> find(String id) {
        if (!Rows.isUuid(id)) {
            return Optional.empty();
        }
        return read(em.createNativeQuery(SELECT + " WHERE n.id = cast(:id as uuid)").setParameter("id", id)
                .getResultList()).stream().findFirst();
    }

    /**
     * The row locked: shared by port creates (which only need it to stay), exclusive for subnet
     * creates and deletes and the network's delete, so that overlap checks and "in use" checks
     * see every concurrent change.
     */
    public Optional<NetworkRecord> lock(String id, boolean exclusive) {
        if (!Rows.isUuid(id)) {
            return Optional.empty();
        }
        return read(em.createNativeQuery(SELECT + " WHERE n.id = cast(:id as uuid) FOR "
                + (exclusive ? "UPDATE" : "SHARE") + " OF n").setParameter("id", id).getResultList()).stream().findFirst();
    }

    /** @param visibleTo the caller's project, null for an admin (who sees every network) */
    public List<NetworkRecord> list(NeutronQuery query, String visibleTo) {
        SqlFilters filters = new SqlFilters(query, FILTERS, BOOLEANS, Set.of("id"));
        if (visibleTo != null) {
            filters.raw("n.project_id = :caller OR n.shared", Map.of("caller", visibleTo));
        }
        return read(filters.query(em, SELECT, "cast(n.id as text)", query).getResultList());
    }

    /** Inserts unless the segmentation id is taken; answers whether the row went in. */
    public boolean insert(NetworkRecord n) {
        return em.createNativeQuery("""
                        INSERT INTO networks (id, project_id, name, description, admin_state_up, shared, mtu,
                                              port_security_enabled, segmentation_id)
                        VALUES (cast(:id as uuid), :project, :name, :description, :up, :shared, :mtu, :security, :segment)
                        ON CONFLICT (segmentation_id) DO NOTHING""")
                .setParameter("id", n.id()).setParameter("project", n.projectId()).setParameter("name", n.name())
                .setParameter("description", n.description()).setParameter("up", n.adminStateUp())
                .setParameter("shared", n.shared()).setParameter("mtu", n.mtu())
                .setParameter("security", n.portSecurityEnabled()).setParameter("segment", n.segmentationId())
                .executeUpdate() == 1;
    }

    /** The lowest free id of the range, or empty when the range is full. */
    public Optional<Integer> lowestFreeSegment(int min, int max) {
        List<?> free = em.createNativeQuery("""
                        SELECT c FROM (SELECT :min AS c UNION ALL
                                       SELECT segmentation_id + 1 FROM networks WHERE segmentation_id BETWEEN :min AND :max) x
                        WHERE c <= :max AND NOT EXISTS (SELECT 1 FROM networks n WHERE n.segmentation_id = x.c)
                        ORDER BY c LIMIT 1""")
                .setParameter("min", min).setParameter("max", max).getResultList();
        return free.stream().findFirst().map(v -> ((Number) v).intValue());
    }

    public void update(NetworkRecord n) {
        em.createNativeQuery("""
                        UPDATE networks SET name = :name, description = :description, admin_state_up = :up,
                               shared = :shared, updated_at = now(), revision_number = revision_number + 1
                        WHERE id = cast(:id as uuid)""")
                .setParameter("id", n.id()).setParameter("name", n.name()).setParameter("description", n.description())
                .setParameter("up", n.adminStateUp()).setParameter("shared", n.shared()).executeUpdate();
    }

    /**
     * The networks a workload of the project may land on when it names none, in the order Zun
     * picks from: the project's own unshared networks, then shared ones, oldest first. Networks
     * without a subnet are left out (no address to give).
     */
    public List<String> usableBy(String projectId) {
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("SELECT cast(n.id as text) FROM networks n "
                        + "WHERE (n.project_id = :project AND NOT n.shared OR n.shared) "
                        + "AND EXISTS (SELECT 1 FROM subnets s WHERE s.network_id = n.id) "
                        + "ORDER BY n.shared, n.created_at, n.id")
                .setParameter("project", projectId).getResultList();
        return ids;
    }

    /** Ports that keep the network in use: all but the ones Neutron removes with it (router, DHCP). */
    public boolean hasUserPorts(String id) {
        return !em.createNativeQuery("SELECT 1 FROM ports WHERE network_id = cast(:id as uuid) "
                        + "AND device_owner NOT IN ('network:router_interface', 'network:dhcp') LIMIT 1")
                .setParameter("id", id).getResultList().isEmpty();
    }

    /** Whether ports of other projects sit on the network (it cannot stop being shared then). */
    public boolean hasForeignPorts(String id, String owner) {
        return !em.createNativeQuery("SELECT 1 FROM ports WHERE network_id = cast(:id as uuid) "
                        + "AND project_id <> :owner LIMIT 1")
                .setParameter("id", id).setParameter("owner", owner).getResultList().isEmpty();
    }

    /** The network with its router ports, their addresses and its subnets. */
    public void delete(String id) {
        em.createNativeQuery("DELETE FROM ports WHERE network_id = cast(:id as uuid)").setParameter("id", id)
                .executeUpdate();
        em.createNativeQuery("DELETE FROM subnets WHERE network_id = cast(:id as uuid)").setParameter("id", id)
                .executeUpdate();
        em.createNativeQuery("DELETE FROM networks WHERE id = cast(:id as uuid)").setParameter("id", id)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private static List<NetworkRecord> read(List<?> rows) {
        return ((List<Object[]>) rows).stream().map(Rows::new).map(r -> new NetworkRecord(r.text(0), r.text(1),
                r.text(2), r.text(3), r.bool(4), r.bool(5), r.integer(6), r.bool(7), r.integer(8), r.list(9),
                r.text(10), r.text(11), r.integer(12))).toList();
    }
}
