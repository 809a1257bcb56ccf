package io.windlass.agent.driver.docker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Zun's {@code cpu_policy: dedicated}: whole CPUs of the host for one container, none of them another
 * dedicated container's (Zun's claim samples the free CPUs of a NUMA node; here the lowest free ones, so
 * that the choice is the same on a redelivered create). The CPUs in use are read from the
 * {@code windlass.cpuset} label each pinned container carries, in the engine's {@code cpuset} syntax.
 */
final class CpuPinning {
    /** The label a pinned container carries: its CPUs as the engine's CpusetCpus ({@code "0,1"}). */
    static final String LABEL = "windlass.cpuset";

    private CpuPinning() {
    }

    /**
     * @param hostCpus the host's CPUs, numbered from 0
     * @param taken    the CPUs the other pinned containers hold
     * @param wanted   how many
     * @return the CPUs, empty when too few are free
     */
    static Optional<List<Integer>> choose(int hostCpus, Set<Integer> taken, int wanted) {
        List<Integer> free = new ArrayList<>();
        for (int cpu = 0; cpu < hostCpus && free.size() < wanted; cpu++) {
            if (!taken.contains(cpu)) {
                free.add(cpu);
            }
        }
        return free.size() == wanted && wanted > 0 ? Optional.of(List.copyOf(free)) : Optional.empty();
    }

    /** The engine's cpuset syntax for a list: {@code "0,1,2"}. */
    static String cpuset(List<Integer> cpus) {
        return cpus.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** The CPUs of a {@link #LABEL} value; ranges ({@code "0-3"}) as the engine writes them too. Junk is none. */
    static Set<Integer> parse(String cpuset) {
        Set<Integer> cpus = new TreeSet<>();
        if (cpuset == null || cpuset.isBlank()) {
            return cpus;
        }
        for (String part : Arrays.asList(cpuset.split(","))) {
            String[] range = part.strip().split("-");
            try {
                int from = Integer.parseInt(range[0].strip());
                int to = range.length > 1 ? Integer.parseInt(range[1].strip()) : from;
                for (int cpu = from; cpu <= to && cpu - from < 4096; cpu++) {
                    cpus.add(cpu);
                }
            } catch (NumberFormatException e) {
                // a label someone wrote by hand: it pins nothing here
            }
        }
        return cpus;
    }
}
