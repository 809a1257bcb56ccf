package io.windlass.agent.driver.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.SearchItem;
import io.windlass.agent.driver.EngineImage;
import io.windlass.agent.driver.ImageInUseException;
import io.windlass.zunimage.SearchImages;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;

/**
 * The engine's images as the host's own (not one workload's): looked up, removed by reference and
 * searched for in the engine's registry. Every call goes through the host's {@link DockerCalls}.
 */
final class DockerImages {
    private static final Logger LOG = Logger.getLogger(DockerImages.class);

    private final DockerClient docker;
    private final DockerCalls calls;

    DockerImages(DockerClient docker, DockerCalls calls) {
        this.docker = docker;
        this.calls = calls;
    }

    Optional<EngineImage> inspect(String image) {
        String reference = ImageReference.parse(image).toString();
        return calls.inspectImage(docker, reference).map(i -> new EngineImage(i.getId(),
                i.getSize() == null ? 0 : i.getSize()));
    }

    /**
     * The reference's tag goes (and the image with it unless another tag names it); the engine's 409
     * (a container, running or not, uses the image) is {@link ImageInUseException} in its words.
     */
    void remove(String reference) {
        calls.run("remove image", null, () -> {
            try {
                docker.removeImageCmd(reference).exec();
            } catch (NotFoundException e) {
                LOG.debugf("image %s is not on this host", reference);
            } catch (ConflictException e) {
                throw new ImageInUseException(DockerCalls.engineMessage(e), e);
            }
        });
    }

    /** {@code docker search}: the engine asks its registry (Docker Hub unless configured otherwise). */
    List<SearchImages.Match> search(String term) {
        List<SearchItem> found = calls.call("search images", null, () -> docker.searchImagesCmd(term).exec());
        return found.stream().map(i -> new SearchImages.Match(i.getName(), i.getDescription(),
                i.getStarCount() == null ? 0 : i.getStarCount(), Boolean.TRUE.equals(i.isOfficial()),
                Boolean.TRUE.equals(i.isTrusted()))).toList();
    }
}
