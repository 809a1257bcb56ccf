package io.windlass.capsule.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.windlass.container.ContainerAddress;
import io.windlass.container.api.Link;

import java.util.List;
import java.util.Map;

/** A capsule as Zun shows it from 1.32 on (see {@code capsule-show-resp.json}). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CapsuleView(
        @JsonProperty("uuid") String uuid,
        @JsonProperty("links") List<Link> links,
        @JsonProperty("name") String name,
        @JsonProperty("labels") Map<String, String> labels,
        @JsonProperty("annotations") Map<String, String> annotations,
        @JsonProperty("status") String status,
        @JsonProperty("status_reason") String statusReason,
        @JsonProperty("restart_policy") RestartPolicyView restartPolicy,
        @JsonProperty("cpu") double cpu,
        @JsonProperty("memory") String memory,
        @JsonProperty("addresses") Map<String, List<ContainerAddress>> addresses,
        @JsonProperty("containers") List<MemberView> containers,
        @JsonProperty("init_containers") List<MemberView> initContainers,
        @JsonProperty("user_id") String userId,
        @JsonProperty("project_id") String projectId,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonUnwrapped @JsonInclude(JsonInclude.Include.NON_NULL) AdminFields admin) {

    /** Zun writes the retry count as a string. */
    public record RestartPolicyView(@JsonProperty("Name") String name,
                                    @JsonProperty("MaximumRetryCount") String maximumRetryCount) {
    }

    /** Only for callers allowed {@code capsule:get:host}. */
    public record AdminFields(@JsonProperty("host") String host) {
    }

    /** A member container as embedded in its capsule (Zun's container view without links). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record MemberView(
            @JsonProperty("uuid") String uuid,
            @JsonProperty("name") String name,
            @JsonProperty("image") String image,
            @JsonProperty("command") List<String> command,
            @JsonProperty("cpu") double cpu,
            @JsonProperty("memory") String memory,
            @JsonProperty("environment") Map<String, String> environment,
            @JsonProperty("workdir") String workdir,
            @JsonProperty("ports") List<Integer> ports,
            @JsonProperty("addresses") Map<String, List<ContainerAddress>> addresses,
            @JsonProperty("restart_policy") RestartPolicyView restartPolicy,
            @JsonProperty("status") String status,
            @JsonProperty("status_reason") String statusReason,
            @JsonProperty("task_state") String taskState,
            @JsonProperty("labels") Map<String, String> labels,
            @JsonProperty("user_id") String userId,
            @JsonProperty("project_id") String projectId) {
    }
}
