package io.windlass.container.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;
import java.util.Map;

/**
 * A container as Zun shows it (sample {@code container-show-resp.json}). {@code memory} is
 * a string of MiB and the restart count a string, as upstream; nulls are written out.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder(alphabetic = false)
public record ContainerView(
        @JsonProperty("uuid") String uuid,
        @JsonProperty("links") List<Link> links,
        @JsonProperty("name") String name,
        @JsonProperty("image") String image,
        @JsonProperty("command") List<String> command,
        @JsonProperty("entrypoint") List<String> entrypoint,
        @JsonProperty("cpu") double cpu,
        @JsonProperty("memory") String memory,
        @JsonProperty("disk") int disk,
        @JsonProperty("environment") Map<String, String> environment,
        @JsonProperty("workdir") String workdir,
        @JsonProperty("labels") Map<String, String> labels,
        @JsonProperty("ports") List<Integer> ports,
        @JsonProperty("hostname") String hostname,
        @JsonProperty("addresses") Map<String, List<Address>> addresses,
        @JsonProperty("restart_policy") RestartPolicyView restartPolicy,
        @JsonProperty("status") String status,
        @JsonProperty("status_reason") String statusReason,
        @JsonProperty("status_detail") String statusDetail,
        @JsonProperty("task_state") String taskState,
        @JsonProperty("interactive") boolean interactive,
        @JsonProperty("tty") boolean tty,
        @JsonProperty("image_driver") String imageDriver,
        @JsonProperty("security_groups") List<String> securityGroups,
        @JsonProperty("auto_remove") boolean autoRemove,
        @JsonProperty("auto_heal") boolean autoHeal,
        @JsonProperty("healthcheck") Object healthcheck,
        @JsonProperty("cpu_policy") String cpuPolicy,
        @JsonProperty("registry_id") String registryId,
        @JsonProperty("privileged") boolean privileged,
        @JsonProperty("user_id") String userId,
        @JsonProperty("project_id") String projectId,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        // absent (not null) for callers the field policies hide it from
        @JsonUnwrapped AdminFields adminFields) {

    /**
     * One address of the container on one network.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Address(@JsonProperty("addr") String addr,
                          @JsonProperty("version") int version,
                          @JsonProperty("port") String port,
                          @JsonProperty("subnet_id") String subnetId,
                          @JsonProperty("preserve_on_delete") boolean preserveOnDelete) {
    }

    /**
     * Docker's restart policy in Zun's spelling, count as a string.
     */
    public record RestartPolicyView(@JsonProperty("Name") String name,
                                    @JsonProperty("MaximumRetryCount") String maximumRetryCount) {
    }

    /**
     * Fields only admins see ({@code container:get_one:host} and friends).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AdminFields(@JsonProperty("host") String host,
                              @JsonProperty("image_pull_policy") String imagePullPolicy,
                              @JsonProperty("runtime") String runtime) {
    }
}
