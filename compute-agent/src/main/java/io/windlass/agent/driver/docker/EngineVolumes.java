package io.windlass.agent.driver.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import io.windlass.agent.driver.EngineMeters;
import io.windlass.agent.driver.DriverException;
import io.windlass.container.ContainerSpec;
import io.windlass.container.VolumeMount;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The engine named volumes of Zun containers (Zun's {@code mounts}). A volume a container mounts by name
 * must exist and be labelled for the container's project ({@code windlass.project}): volumes are the
 * operator's to hand out, and the engine would otherwise make an empty one of any name, or hand one
 * project another's. A volume made for a container (Zun's {@code size} without {@code source}) is
 * labelled with the container's uuid and removed with it, as Zun removes the volumes it made.
 */
final class EngineVolumes {
    private static final Logger LOG = Logger.getLogger(EngineVolumes.class);

    private final DockerClient docker;
    private final DockerCalls calls;

    EngineVolumes(DockerClient docker, EngineMeters meters) {
        this.docker = docker;
        this.calls = new DockerCalls("Volume", meters);
    }

    /**
     * The container's mounts, its made volumes made first (again without harm on a redelivered create).
     *
     * @throws DriverException a named volume the project does not have here, in Zun's words
     */
    List<Mount> prepare(ContainerSpec spec) {
        List<Mount> mounts = new ArrayList<>();
        for (VolumeMount m : spec.mounts()) {
            if (m.made()) {
                calls.call("volume create", null, () -> docker.createVolumeCmd().withName(m.volume())
                        .withLabels(Map.of(DockerLabels.MANAGED, "true", DockerLabels.UUID, spec.uuid(),
                                DockerLabels.PROJECT, spec.projectId() == null ? "" : spec.projectId())).exec());
            } else if (!projectHas(spec.projectId(), m.volume())) {
                throw new DriverException("Volume " + m.volume() + " could not be found.");
            }
            mounts.add(new Mount().withType(MountType.VOLUME).withSource(m.volume()).withTarget(m.destination()));
        }
        return mounts;
    }

    /** The asked names the engine has for the project. */
    List<String> find(String projectId, List<String> names) {
        return names.stream().distinct().filter(name -> projectHas(projectId, name)).toList();
    }

    /** Removes the volumes made for the container; one still in use, or failing, is left with a WARN. */
    void release(String uuid) {
        var made = calls.call("volume list", null, () -> docker.listVolumesCmd()
                .withFilter("label", List.of(DockerLabels.UUID + "=" + uuid)).exec());
        if (made == null || made.getVolumes() == null) {
            return;
        }
        for (InspectVolumeResponse v : made.getVolumes()) {
            try {
                calls.run("volume remove", null, () -> docker.removeVolumeCmd(v.getName()).exec());
                LOG.infof("removed volume %s made for %s", v.getName(), uuid);
            } catch (DriverException e) {
                LOG.warnf("volume %s made for %s not removed: %s", v.getName(), uuid, e.getMessage());
            }
        }
    }

    private boolean projectHas(String projectId, String name) {
        InspectVolumeResponse v = calls.call("volume inspect", null, () -> {
            try {
                return docker.inspectVolumeCmd(name).exec();
            } catch (NotFoundException e) {
                return null;
            }
        });
        return v != null && projectId != null && v.getLabels() != null
                && projectId.equals(v.getLabels().get(DockerLabels.PROJECT));
    }
}
