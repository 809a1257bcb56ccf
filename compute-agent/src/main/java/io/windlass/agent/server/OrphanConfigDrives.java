package io.windlass.agent.server;

import io.windlass.agent.workload.Observed;
import io.windlass.agent.workload.WorkloadSync;
import org.jboss.logging.Logger;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * After each server sync: a server removed behind the agent's back (docker rm) leaves its config
 * drive on the host; the drives of servers the engine no longer has are removed.
 */
public final class OrphanConfigDrives implements WorkloadSync.Listener {
    private static final Logger LOG = Logger.getLogger(OrphanConfigDrives.class);
    /** Longer than any spawn: a drive is written just before its server's container is created. */
    private static final Duration ORPHAN_DRIVE_AGE = Duration.ofMinutes(10);

    private final ConfigDriveBuilder configDrives;

    public OrphanConfigDrives(ConfigDriveBuilder configDrives) {
        this.configDrives = configDrives;
    }

    @Override
    public void synced(String kind, List<? extends Observed> observed) {
        if (!kind.equals("server")) {
            return;
        }
        try {
            List<String> removed = configDrives.removeOrphans(
                    observed.stream().map(Observed::uuid).collect(Collectors.toSet()), ORPHAN_DRIVE_AGE);
            if (!removed.isEmpty()) {
                LOG.infof("removed the config drives of %d server(s) the engine no longer has: %s", removed.size(),
                        removed);
            }
        } catch (UncheckedIOException e) {
            LOG.warnf("config drive clean-up skipped: %s", e.getMessage());
        }
    }
}
