package io.windlass.agent.driver.docker;

import com.github.dockerjava.api.DockerClient;
import io.windlass.image.CommittedImage;

import java.util.Map;

/**
 * Commits an engine container to an image ({@code POST /commit}) for every kind that can be one:
 * the engine pauses the container while it copies the filesystem, so a running workload is caught
 * consistently and runs on afterwards.
 */
final class DockerCommits {
    private final DockerClient docker;
    private final DockerCalls calls;

    /** @param calls the kind's call wrapper, so a missing engine container names the workload */
    DockerCommits(DockerClient docker, DockerCalls calls) {
        this.docker = docker;
        this.calls = calls;
    }

    /** @param engineName the engine container that is workload {@code uuid} */
    CommittedImage commit(String engineName, String uuid, String reference) {
        return commit(engineName, uuid, reference, Map.of());
    }

    /** @param labels laid over the container's own labels, which the image keeps */
    CommittedImage commit(String engineName, String uuid, String reference, Map<String, String> labels) {
        ImageReference target = ImageReference.parse(reference);
        if (target.tag() == null) {
            throw new IllegalArgumentException("a commit needs a tag, not a digest: " + reference);
        }
        String imageId = calls.call("commit", uuid, () -> docker.commitCmd(engineName).withRepository(
                target.repository()).withTag(target.tag()).withPause(true).withLabels(labels.isEmpty() ? null : labels)
                .exec());
        Long size = calls.call("inspect image", null, () -> docker.inspectImageCmd(imageId).exec().getSize());
        return new CommittedImage(imageId, size == null ? 0 : size);
    }
}
