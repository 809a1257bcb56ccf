package io.windlass.router.persistence;

import io.windlass.networking.NeutronQuery;
import io.windlass.networking.Rows;
import io.windlass.networking.SqlFilters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Native SQL on {@code routers}; their interfaces are ports owned by {@code network:router_interface}. */
@ApplicationScoped
public class RouterRepository {
    private static final String SELECT = "SELECT cast(r.id as text), r.project_id, r.name, r.description, "
            + "r.admin_state_up, " + Rows.timestamp("r.created_at") + ", " + Rows.timestamp("r.updated_at")
            + ", r.revision_number FROM routers r";
    private static final Map<String, String> FILTERS = Map.of("id", "r.id", "name", "r.name", "project_id",
            "r.project_id", "tenant_id", "r.project_id", "admin_state_up", "r.admin_state_up", "status", "'ACTIVE'",
            "description", "r.description");

    private final EntityManager em;

    public RouterRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<RouterRecord> find(String id) {
        if (!Rows.isUuid(id)) {
            return Optional.empty();
        }
        return read(em.createNativeQuery(SELECT + " WHERE r.id = cast(:id as uuid)").setParameter("id", id)
                .getResultList()).stream().findFirst();
    }

    /** Locked, so that interfaces added and the router's delete serialise. */
    public Optional<RouterRecord> lock(String id) {
        if (!Rows.isUuid(id)) {
            return Optional.empty();
        }
        return read(em.createNativeQuery(SELECT + " WHERE r.id = cast(:id as uuid) FOR UPDATE")
                .setParameter("id", id).getResultList()).stream().findFirst();
    }

    public List<RouterRecord> list(NeutronQuery query, String visibleTo) {
        SqlFilters filters = new SqlFilters(query, FILTERS, Set.of("admin_state_up"), Set.of("id"));
        if (visibleTo != null) {
            filters.raw("r.project_id = :caller", Map.of("caller", visibleTo));
        }
        return read(filters.query(em, SELECT, "cast(r.id as text)", query).getResultList());
    }

    public void insert(RouterRecord r) {
        em.createNativeQuery("INSERT INTO routers (id, project_id, name, description, admin_state_up) "
                        + "VALUES (cast(:id as uuid), :project, :name, :description, :up)")
                .setParameter("id", r.id()).setParameter("project", r.projectId()).setParameter("name", r.name())
                .setParameter("description", r.description()).setParameter("up", r.adminStateUp()).executeUpdate();
    }

    public void update(RouterRecord r) {
        em.createNativeQuery("UPDATE routers SET name = :name, description = :description, admin_state_up = :up, "
                        + "updated_at = now(), revision_number = revision_number + 1 WHERE id = cast(:id as uuid)")
                .setParameter("id", r.id()).setParameter("name", r.name()).setParameter("description", r.description())
                .setParameter("up", r.adminStateUp()).executeUpdate();
    }

    public void delete(String id) {
        em.createNativeQuery("DELETE FROM routers WHERE id = cast(:id as uuid)").setParameter("id", id).executeUpdate();
    }

    /** The router's interface ports with the subnets they hold addresses in, as (port, subnet) pairs. */
    @SuppressWarnings("unchecked")
    public List<String[]> interfaces(String routerId) {
        return ((List<Object[]>) em.createNativeQuery("SELECT cast(p.id as text), cast(a.subnet_id as text) FROM ports p "
                        + "LEFT JOIN ip_allocations a ON a.port_id = p.id WHERE p.device_id = :router "
                        + "AND p.device_owner = 'network:router_interface' ORDER BY p.id")
                .setParameter("router", routerId).getResultList()).stream()
                .map(r -> new String[]{(String) r[0], (String) r[1]}).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<RouterRecord> read(List<?> rows) {
        return ((List<Object[]>) rows).stream().map(Rows::new).map(r -> new RouterRecord(r.text(0), r.text(1),
                r.text(2), r.text(3), r.bool(4), r.text(5), r.text(6), r.integer(7))).toList();
    }
}
