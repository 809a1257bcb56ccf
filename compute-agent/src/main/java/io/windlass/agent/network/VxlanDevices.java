package io.windlass.agent.network;

import io.windlass.agent.driver.DriverException;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;

/**
 * The VXLAN devices of this host and their head-end replication entries, through iproute2. Every
 * method is idempotent: it reads what the host has and changes only the difference, so an agent
 * that restarts, or a message that arrives twice, leaves the same devices behind.
 */
public class VxlanDevices {
    private static final Logger LOG = Logger.getLogger(VxlanDevices.class);

    private final HostCommands commands;

    public VxlanDevices(HostCommands commands) {
        this.commands = commands;
    }

    /** The device of that name, if the host has one and it is a VXLAN device. */
    public Optional<VxlanLink> find(String name) {
        HostCommands.Result result = commands.run(List.of("ip", "-j", "-d", "link", "show", "dev", name));
        // a missing device is exit 1 with "Device ... does not exist" and no JSON
        return result.ok() ? VxlanLink.parse(result.stdout()) : Optional.empty();
    }

    /**
     * Makes the device as {@code spec} says, in its network's bridge and up; a device of that name
     * that cannot be changed into it (other id, address, port) is made again.
     */
    public void ensure(VxlanSpec spec) {
        Optional<VxlanLink> found = find(spec.name());
        if (found.isPresent() && spec.needsRecreate(found.get())) {
            LOG.infof("VXLAN device %s is %s, not %s: making it again", spec.name(), found.get(), spec);
            remove(spec.name());
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            commands.runOrFail(spec.addCommand());
            found = find(spec.name());
            LOG.infof("made VXLAN device %s (VNI %d, local %s)", spec.name(), spec.vni(), spec.local());
        }
        VxlanLink link = found.orElseThrow(() -> new IllegalStateException("VXLAN device " + spec.name()
                + " is missing right after it was made"));
        List<String> fix = spec.fixCommand(link);
        if (!fix.isEmpty()) {
            commands.runOrFail(fix);
        }
    }

    /** Removes the device (and with it its entries); nothing to do when it is not there. */
    public void remove(String name) {
        if (find(name).isEmpty()) {
            return;
        }
        HostCommands.Result result = commands.run(List.of("ip", "link", "del", "dev", name));
        // another remover may have been quicker; anything else is a failure
        if (!result.ok() && find(name).isPresent()) {
            throw new DriverException("ip link del dev " + name + " failed: "
                    + result.stderr());
        }
        LOG.infof("removed VXLAN device %s", name);
    }

    /**
     * Drops what the bridge learned of {@code mac} behind the device (the usual case is that it
     * learned nothing, which the kernel answers with ENOENT and is no failure).
     */
    public void forgetLearned(String name, String mac) {
        HostCommands.Result result = commands.run(List.of("bridge", "fdb", "del", mac, "dev", name, "master"));
        if (result.ok()) {
            LOG.infof("VXLAN device %s: the bridge forgot %s, learned behind it while the port lived on another host",
                    name, mac);
        }
    }

    /** The peers the device floods to now. */
    public List<String> floodDestinations(String name) {
        return FloodEntries.destinations(commands.runOrFail(List.of("bridge", "-j", "fdb", "show", "dev", name)));
    }

    /**
     * Brings the device's flooding entries to exactly {@code peers} (less {@code local}).
     *
     * @return what changed
     */
    public FdbPlan reconcilePeers(String name, List<String> peers, String local) {
        FdbPlan plan = FdbPlan.between(floodDestinations(name), peers, local);
        for (List<String> command : plan.commands(name)) {
            commands.runOrFail(command);
        }
        if (!plan.isEmpty()) {
            LOG.infof("VXLAN device %s: flooding to %s added, %s removed", name, plan.toAdd(), plan.toRemove());
        }
        return plan;
    }
}
