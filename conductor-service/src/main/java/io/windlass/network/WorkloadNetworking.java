package io.windlass.network;

import io.windlass.container.persistence.ContainerEntity;
import io.windlass.persistence.WorkloadEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The conductor's part in a workload's ports: the API made or bound them with the row; here they
 * are bound to the host the scheduler chose (status ACTIVE, {@code binding:host_id}), described
 * to that host (VNI, subnets, peers), and released when the workload goes: a port the user
 * brought is unbound and DOWN, one made for the workload deleted with its addresses.
 *
 * <p>Native SQL on the networking tables, whose mapping is the api-service's: only the binding
 * columns are written here, as Neutron's port binding is the compute side's to write.
 */
@ApplicationScoped
public class WorkloadNetworking {
    private static final Logger LOG = Logger.getLogger(WorkloadNetworking.class);

    private final EntityManager em;

    public WorkloadNetworking(EntityManager em) {
        this.em = em;
    }

    /** Binds the row's ports to {@code host} and describes them to it; nothing for a row without ports. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PlacedNetworks place(WorkloadEntity row, String host) {
        if (row.nics.isEmpty()) {
            return PlacedNetworks.NONE;
        }
        int bound = em.createNativeQuery("UPDATE ports SET binding_host_id = :host, binding_vif_type = 'bridge', "
                        + "status = 'ACTIVE', updated_at = now(), revision_number = revision_number + 1 "
                        + "WHERE id = ANY (cast(:ids as uuid[])) AND device_id = :device")
                .setParameter("host", host).setParameter("ids", idArray(row)).setParameter("device", row.uuid.toString())
                .executeUpdate();
        if (bound < row.nics.size()) {
            LOG.warnf("%s: %d of its %d ports are gone or taken; it is created on the others", row.uuid, bound,
                    row.nics.size());
        }
        return described(row);
    }

    /**
     * Binds one more port of a placed row to its host (an interface attached after the create).
     *
     * @return false when the port is gone or taken by another device meanwhile
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean bind(WorkloadEntity row, String portId, String host) {
        return em.createNativeQuery("UPDATE ports SET binding_host_id = :host, binding_vif_type = 'bridge', "
                        + "status = 'ACTIVE', updated_at = now(), revision_number = revision_number + 1 "
                        + "WHERE id = cast(:id as uuid) AND device_id = :device")
                .setParameter("host", host).setParameter("id", portId).setParameter("device", row.uuid.toString())
                .executeUpdate() == 1;
    }

    /** What the host of a placed row needs again (a create asked a second time). */
    @Transactional(Transactional.TxType.MANDATORY)
    public PlacedNetworks describe(WorkloadEntity row) {
        return row.nics.isEmpty() || row.host == null ? PlacedNetworks.NONE : described(row);
    }

    /** Nothing of the workload is left on its host: its ports stay its own, bound to no host and DOWN. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void unplace(WorkloadEntity row) {
        if (row.nics.isEmpty()) {
            return;
        }
        em.createNativeQuery("UPDATE ports SET binding_host_id = '', binding_vif_type = 'unbound', status = 'DOWN', "
                        + "updated_at = now(), revision_number = revision_number + 1 "
                        + "WHERE id = ANY (cast(:ids as uuid[])) AND device_id = :device")
                .setParameter("ids", idArray(row)).setParameter("device", row.uuid.toString()).executeUpdate();
    }

    /**
     * The workload is gone: the ports it was given are unbound and DOWN, ready for another one
     * (Zun's "preserve pre-existing ports"), the ones made for it deleted with their addresses.
     * Ports already gone, or bound to another device since, are left alone.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(WorkloadEntity row) {
        release(row, row.nics);
        releaseExposedGroup(row);
    }

    /**
     * The security group made for a Zun container's {@code exposed_ports} ({@code zun-<uuid>}, by the api-service
     * at create) goes with the container, as Zun's driver deletes it; after the ports, whose memberships went
     * with them. A group something else has come to use is left to its project.
     */
    private void releaseExposedGroup(WorkloadEntity row) {
        if (!(row instanceof ContainerEntity c) || c.exposedPorts.isEmpty()) {
            return;
        }
        int deleted = em.createNativeQuery("DELETE FROM security_groups g WHERE g.project_id = :project "
                        + "AND g.name = :name AND NOT g.is_default AND NOT EXISTS "
                        + "(SELECT 1 FROM port_security_groups p WHERE p.security_group_id = g.id)")
                .setParameter("project", row.projectId).setParameter("name", "zun-" + row.uuid).executeUpdate();
        if (deleted > 0) {
            LOG.infof("%s: its exposed ports' security group deleted", row.uuid);
        }
    }

    /** Releases some of the row's ports as {@link #release(WorkloadEntity)} releases all (an interface detached). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(WorkloadEntity row, List<WorkloadPort> nics) {
        if (nics.isEmpty()) {
            return;
        }
        String device = row.uuid.toString();
        List<String> kept = nics.stream().filter(WorkloadPort::preserveOnDelete).map(WorkloadPort::portId).toList();
        List<String> made = nics.stream().filter(p -> !p.preserveOnDelete()).map(WorkloadPort::portId).toList();
        if (!kept.isEmpty()) {
            em.createNativeQuery("UPDATE ports SET device_id = '', device_owner = '', binding_host_id = '', "
                            + "binding_vif_type = 'unbound', status = 'DOWN', updated_at = now(), "
                            + "revision_number = revision_number + 1 "
                            + "WHERE id = ANY (cast(:ids as uuid[])) AND device_id = :device")
                    .setParameter("ids", array(kept)).setParameter("device", device).executeUpdate();
        }
        if (!made.isEmpty()) {
            // the addresses and group memberships go with the port (ON DELETE CASCADE)
            em.createNativeQuery("DELETE FROM ports WHERE id = ANY (cast(:ids as uuid[])) AND device_id = :device")
                    .setParameter("ids", array(made)).setParameter("device", device).executeUpdate();
        }
        LOG.infof("%s: ports %s unbound, %s deleted", device, kept, made);
    }

    /**
     * The peer lists of every host that carries one of the given networks: sent to them when a host
     * began or stopped carrying one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, List<NetworkBinding>> peerUpdates(List<String> networkIds) {
        if (networkIds.isEmpty()) {
            return Map.of();
        }
        Map<String, NetworkBinding> bindings = bindings(networkIds);
        Map<String, Map<String, String>> carriers = carriers(networkIds);
        Map<String, List<NetworkBinding>> updates = new TreeMap<>();
        carriers.forEach((networkId, hosts) -> hosts.keySet().forEach(h ->
                updates.computeIfAbsent(h, k -> new ArrayList<>())
                        .add(bindings.get(networkId).withPeers(List.copyOf(new TreeSet<>(hosts.values()))))));
        return updates;
    }

    /**
     * Every carried network's peer list, for each host carrying it: the reconciler's round mends
     * what a lost update or two placements that did not see each other left.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, List<NetworkBinding>> allPeerUpdates() {
        @SuppressWarnings("unchecked")
        List<String> carried = em.createNativeQuery("SELECT DISTINCT cast(p.network_id as text) FROM ports p "
                + "WHERE p.binding_host_id <> ''").getResultList();
        return peerUpdates(carried);
    }

    private PlacedNetworks described(WorkloadEntity row) {
        List<BoundPort> ports = ports(row);
        List<String> networkIds = ports.stream().map(BoundPort::networkId).distinct().toList();
        Map<String, NetworkBinding> bindings = bindings(networkIds);
        Map<String, Map<String, String>> carriers = carriers(networkIds);
        List<NetworkBinding> networks = networkIds.stream().map(id -> bindings.get(id).withPeers(
                List.copyOf(new TreeSet<>(carriers.getOrDefault(id, Map.of()).values())))).toList();
        List<PortSpec> specs = ports.stream().map(p -> new PortSpec(p.portId(), p.networkId(), p.mac(), p.fixedIps()))
                .toList();
        return new PlacedNetworks(new WorkloadNetworks(specs, networks), ports);
    }

    /** The row's ports that are still its own, in the order it asked for them. */
    @SuppressWarnings("unchecked")
    private List<BoundPort> ports(WorkloadEntity row) {
        Map<String, List<FixedIp>> addresses = new LinkedHashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT cast(a.port_id as text), "
                        + "cast(a.subnet_id as text), host(a.address) FROM ip_allocations a "
                        + "WHERE a.port_id = ANY (cast(:ids as uuid[])) ORDER BY family(a.address), a.address")
                .setParameter("ids", idArray(row)).getResultList()) {
            addresses.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(new FixedIp((String) r[1], (String) r[2]));
        }
        Map<String, Object[]> found = new LinkedHashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT cast(p.id as text), cast(p.network_id as text), "
                        + "n.name, cast(p.mac_address as text) FROM ports p JOIN networks n ON n.id = p.network_id "
                        + "WHERE p.id = ANY (cast(:ids as uuid[])) AND p.device_id = :device")
                .setParameter("ids", idArray(row)).setParameter("device", row.uuid.toString()).getResultList()) {
            found.put((String) r[0], r);
        }
        List<BoundPort> ports = new ArrayList<>();
        for (WorkloadPort nic : row.nics) {
            Object[] r = found.get(nic.portId());
            if (r != null) {
                ports.add(new BoundPort(nic.portId(), (String) r[1], (String) r[2], (String) r[3],
                        addresses.getOrDefault(nic.portId(), List.of()), nic.preserveOnDelete()));
            }
        }
        return ports;
    }

    /** Each network with its subnets, without peers. */
    @SuppressWarnings("unchecked")
    private Map<String, NetworkBinding> bindings(List<String> networkIds) {
        Map<String, List<SubnetSpec>> subnets = new LinkedHashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT cast(s.network_id as text), "
                        + "cast(s.cidr as text), host(s.gateway_ip), s.ip_version FROM subnets s "
                        + "WHERE s.network_id = ANY (cast(:ids as uuid[])) ORDER BY s.created_at, s.id")
                .setParameter("ids", array(networkIds)).getResultList()) {
            subnets.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                    .add(new SubnetSpec((String) r[1], (String) r[2], ((Number) r[3]).intValue()));
        }
        Map<String, NetworkBinding> out = new LinkedHashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT cast(n.id as text), n.segmentation_id, n.mtu "
                        + "FROM networks n WHERE n.id = ANY (cast(:ids as uuid[]))")
                .setParameter("ids", array(networkIds)).getResultList()) {
            String id = (String) r[0];
            out.put(id, new NetworkBinding(id, ((Number) r[1]).intValue(), ((Number) r[2]).intValue(),
                    subnets.getOrDefault(id, List.of()), List.of()));
        }
        return out;
    }

    /** Network id → (host → underlay address) of the hosts its ports are bound to, where they have an underlay. */
    @SuppressWarnings("unchecked")
    private Map<String, Map<String, String>> carriers(List<String> networkIds) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT DISTINCT cast(p.network_id as text), "
                        + "p.binding_host_id, h.underlay_address FROM ports p "
                        + "JOIN compute_hosts h ON h.host = p.binding_host_id "
                        + "WHERE p.network_id = ANY (cast(:ids as uuid[])) AND p.binding_host_id <> '' "
                        + "AND h.underlay_address IS NOT NULL")
                .setParameter("ids", array(networkIds)).getResultList()) {
            out.computeIfAbsent((String) r[0], k -> new TreeMap<>()).put((String) r[1], (String) r[2]);
        }
        return out;
    }

    private static String idArray(WorkloadEntity row) {
        return array(row.nics.stream().map(WorkloadPort::portId).toList());
    }

    private static String array(List<String> ids) {
        return "{" + String.join(",", ids) + "}";
    }
}
