package io.windlass.port.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/**
 * Native SQL on {@code ip_allocations}. Every allocation is one conditional insert on the
 * (subnet, address) primary key: concurrent requests for one address block on each other's
 * uncommitted row and exactly one of them inserts.
 */
@ApplicationScoped
public class IpAllocationRepository {
    private final EntityManager em;

    public IpAllocationRepository(EntityManager em) {
        this.em = em;
    }

    /** @return whether the address was free and is now the port's */
    public boolean take(String subnetId, String networkId, String address, String portId) {
        return em.createNativeQuery("INSERT INTO ip_allocations (subnet_id, address, port_id, network_id) "
                        + "VALUES (cast(:subnet as uuid), cast(:address as inet), cast(:port as uuid), "
                        + "cast(:network as uuid)) ON CONFLICT DO NOTHING")
                .setParameter("subnet", subnetId).setParameter("address", address).setParameter("port", portId)
                .setParameter("network", networkId).executeUpdate() == 1;
    }

    /**
     * The lowest free address of the range: the start, or the address after an allocated one,
     * whichever is free first. Walks the primary-key index over the allocated addresses of the
     * range only, never the range itself; used when random tries keep hitting taken addresses.
     */
    public Optional<String> lowestFree(String subnetId, String start, String end) {
        List<?> free = em.createNativeQuery("""
                        SELECT host(c) FROM (SELECT cast(:start as inet) AS c
                                             UNION ALL
                                             SELECT address + 1 FROM ip_allocations
                                             WHERE subnet_id = cast(:subnet as uuid)
                                               AND address >= cast(:start as inet) AND address < cast(:end as inet)) x
                        WHERE c <= cast(:end as inet)
                          AND NOT EXISTS (SELECT 1 FROM ip_allocations a
                                          WHERE a.subnet_id = cast(:subnet as uuid) AND a.address = x.c)
                        ORDER BY c LIMIT 1""")
                .setParameter("subnet", subnetId).setParameter("start", start).setParameter("end", end).getResultList();
        return free.stream().findFirst().map(Object::toString);
    }

    /** Gives back the port's addresses except {@code keep} ("subnet=address" pairs). */
    public void releaseExcept(String portId, List<FixedIp> keep) {
        List<String> kept = keep.stream().map(ip -> ip.subnetId() + "=" + ip.ipAddress()).toList();
        em.createNativeQuery("DELETE FROM ip_allocations WHERE port_id = cast(:port as uuid)"
                        + (kept.isEmpty() ? "" : " AND cast(subnet_id as text) || '=' || host(address) NOT IN (:kept)"))
                .setParameter("port", portId).setParameter(kept.isEmpty() ? "port" : "kept",
                        kept.isEmpty() ? portId : kept).executeUpdate();
    }

    /** The port holding the address, if any. */
    public Optional<String> holder(String subnetId, String address) {
        List<?> holder = em.createNativeQuery("SELECT cast(port_id as text) FROM ip_allocations "
                        + "WHERE subnet_id = cast(:s as uuid) AND address = cast(:a as inet)")
                .setParameter("s", subnetId).setParameter("a", address).getResultList();
        return holder.stream().findFirst().map(Object::toString);
    }
}
