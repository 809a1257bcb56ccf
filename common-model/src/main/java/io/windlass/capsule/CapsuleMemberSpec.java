package io.windlass.capsule;

import java.util.List;
import java.util.Map;

/**
 * One container of a capsule, as the agent creates it.
 *
 * @param uuid         member uuid (chosen by the API; names the engine container)
 * @param name         Zun's member name {@code capsule-<capsule name>-<template name or index>}
 * @param templateName the {@code name} given in the template (may be null)
 * @param image        image reference
 * @param command      command and args, already joined as Zun does (args appended to command)
 * @param environment  environment variables
 * @param workDir      working directory or null
 * @param cpu          requested CPUs (0 when the template asked for none)
 * @param memoryMb     requested memory in MiB (0 when none)
 * @param exposedPorts {@code <port>/<tcp|udp>}
 * @param volumeMounts where the capsule's volumes appear in this container
 */
public record CapsuleMemberSpec(String uuid, String name, String templateName, String image, List<String> command,
                                Map<String, String> environment, String workDir, double cpu, int memoryMb,
                                List<String> exposedPorts, List<VolumeMount> volumeMounts) {

    /** The same member under its final uuid and name (templates are parsed before the capsule has a uuid). */
    public CapsuleMemberSpec withIdentity(String memberUuid, String memberName) {
        return new CapsuleMemberSpec(memberUuid, memberName, templateName, image, command, environment, workDir, cpu,
                memoryMb, exposedPorts, volumeMounts);
    }

    /**
     * @param volume    name of a capsule volume
     * @param mountPath absolute path inside the container
     * @param readOnly  mount read-only
     */
    public record VolumeMount(String volume, String mountPath, boolean readOnly) {
    }
}
