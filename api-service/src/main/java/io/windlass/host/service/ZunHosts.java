package io.windlass.host.service;

import io.windlass.hypervisor.service.Hypervisor;
import io.windlass.hypervisor.service.Hypervisors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The compute hosts as Zun's {@code /v1/hosts} shows them (its compute nodes): the hypervisors'
 * capacity and claims, with the Zun containers each holds.
 */
@ApplicationScoped
public class ZunHosts {
    private final Hypervisors hypervisors;
    private final EntityManager em;

    public ZunHosts(Hypervisors hypervisors, EntityManager em) {
        this.hypervisors = hypervisors;
        this.em = em;
    }

    /** A host and the containers on it. */
    public record ZunHost(Hypervisor hypervisor, long containers) {
    }

    /** Every host, by name, as Zun's default {@code sort_key=hostname}. */
    @Transactional
    public List<ZunHost> list() {
        Map<String, Long> containers = new HashMap<>();
        em.createQuery("select c.host, count(c) from ContainerEntity c where c.host is not null group by c.host",
                Object[].class).getResultList().forEach(r -> containers.put((String) r[0], (Long) r[1]));
        return hypervisors.page(null, null).stream()
                .sorted(Comparator.comparing(Hypervisor::hostname))
                .map(h -> new ZunHost(h, containers.getOrDefault(h.hostname(), 0L))).toList();
    }

    /** The host a uuid or a host name names. */
    @Transactional
    public Optional<ZunHost> find(String ident) {
        return list().stream().filter(h -> h.hypervisor().uuid().toString().equals(ident)
                || h.hypervisor().hostname().equals(ident)).findFirst();
    }
}
