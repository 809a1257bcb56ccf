package io.windlass.system.fault;

import io.windlass.system.DockerCli;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the engines hold, by workload uuid: one engine container per Zun container and per server,
 * one sandbox per capsule (its members are counted with the capsule). Read with one
 * {@code docker ps} per engine, from the labels the agent puts on what it creates.
 */
final class EngineCensus {
    private static final String FORMAT = String.join("|", "{{.Label \"windlass.managed\"}}",
            "{{.Label \"windlass.uuid\"}}", "{{.Label \"windlass.server.uuid\"}}", "{{.Label \"windlass.capsule\"}}",
            "{{.Label \"windlass.capsule.role\"}}", "{{.CreatedAt}}");
    // docker prints e.g. "2026-12-04 23:59:01 +0000 UTC"; the zone name after the offset is redundant
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx");

    /** One workload's engine container. */
    record Entry(String uuid, Instant created) {
    }

    private final Map<String, List<Entry>> byUuid = new HashMap<>();

    static EngineCensus of(List<DockerCli> engines) {
        EngineCensus census = new EngineCensus();
        for (DockerCli engine : engines) {
            DockerCli.Result ps = engine.run("ps", "-a", "--format", FORMAT);
            if (!ps.ok()) {
                throw new IllegalStateException("docker ps failed: " + ps.stdout());
            }
            ps.stdout().lines().map(EngineCensus::workloadOf).filter(e -> e != null)
                    .forEach(e -> census.byUuid.computeIfAbsent(e.uuid(), u -> new ArrayList<>()).add(e));
        }
        return census;
    }

    private static Entry workloadOf(String line) {
        String[] f = line.split("\\|", -1);
        if (f.length != 6) {
            return null;
        }
        String uuid;
        if (!f[3].isEmpty()) {
            uuid = "sandbox".equals(f[4]) ? f[3] : null;
        } else if (!f[2].isEmpty()) {
            uuid = f[2];
        } else {
            uuid = "true".equals(f[0]) && !f[1].isEmpty() ? f[1] : null;
        }
        return uuid == null ? null
                : new Entry(uuid, OffsetDateTime.parse(f[5].substring(0, 25), CREATED).toInstant());
    }

    /** How many engine containers the workload has (a capsule: its sandboxes). */
    int copiesOf(String uuid) {
        return byUuid.getOrDefault(uuid, List.of()).size();
    }

    /** Workload containers made at or after {@code since} whose uuid is not among {@code known}. */
    List<String> orphansSince(Instant since, java.util.Set<String> known) {
        return byUuid.values().stream().flatMap(List::stream)
                .filter(e -> !e.created().isBefore(since) && !known.contains(e.uuid()))
                .map(Entry::uuid).toList();
    }
}
