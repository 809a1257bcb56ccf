package io.windlass.agent.container;

import io.windlass.agent.workload.Observed;
import io.windlass.container.ContainerAddress;
import io.windlass.container.ContainerStatus;

import java.util.List;
import java.util.Map;

/**
 * One container as the engine sees it now.
 *
 * @param uuid         Windlass uuid
 * @param engineId     engine's own id
 * @param status       Zun status the engine state maps to
 * @param statusDetail engine's human summary ("Up 3 seconds", "Exited (0) 2 minutes ago")
 * @param engineError  the engine's last error for this container (e.g. a failed start), or null
 * @param addresses    network id to addresses on it
 * @param ports        exposed ports
 * @param command      effective command
 * @param health       the engine's health status (starting, healthy, unhealthy), null without a health check
 */
public record ObservedContainer(String uuid, String engineId, ContainerStatus status, String statusDetail,
                                String engineError, Map<String, List<ContainerAddress>> addresses,
                                List<Integer> ports, List<String> command, String health) implements Observed {
    /** A container without a health check. */
    public ObservedContainer(String uuid, String engineId, ContainerStatus status, String statusDetail,
                             String engineError, Map<String, List<ContainerAddress>> addresses, List<Integer> ports,
                             List<String> command) {
        this(uuid, engineId, status, statusDetail, engineError, addresses, ports, command, null);
    }

    public ObservedContainer {
        addresses = addresses == null ? Map.of() : Map.copyOf(addresses);
        ports = ports == null ? List.of() : List.copyOf(ports);
        command = command == null ? List.of() : List.copyOf(command);
    }

    /** A running or paused container's detail is its uptime ("Up 3 seconds"), which only time changes. */
    @Override
    public boolean sameAs(Observed other) {
        boolean showsUptime = status == ContainerStatus.RUNNING || status == ContainerStatus.PAUSED;
        if (showsUptime && other instanceof ObservedContainer c && c.status == status) {
            return equals(new ObservedContainer(c.uuid, c.engineId, c.status, statusDetail, c.engineError, c.addresses,
                    c.ports, c.command, c.health));
        }
        return equals(other);
    }

    public boolean isRunning() {
        return status == ContainerStatus.RUNNING || status == ContainerStatus.PAUSED
                || status == ContainerStatus.RESTARTING;
    }
}
