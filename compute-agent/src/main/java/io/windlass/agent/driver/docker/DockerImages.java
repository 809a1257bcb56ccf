package io.windlass.agent.driver.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.LoadResponseItem;
import com.github.dockerjava.api.model.SearchItem;
import io.windlass.agent.driver.EngineImage;
import io.windlass.agent.driver.ImageInUseException;
import io.windlass.agent.driver.ImageUnavailableException;
import io.windlass.zunimage.SearchImages;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine's images as the host's own (not one workload's): looked up, removed by reference and
 * searched for in the engine's registry. Every call goes through the host's {@link DockerCalls}.
 */
final class DockerImages {
    private static final Logger LOG = Logger.getLogger(DockerImages.class);

    /** What the engine says of an untagged image it loaded. */
    private static final String LOADED_ID = "Loaded image ID:";
    private static final int PIPE = 1024 * 1024;

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

    /**
     * {@code docker load} of an archive with its own names taken out ({@link UntaggedArchive}), then
     * the one image it holds tagged as {@code reference}. The archive is rewritten on a thread of its
     * own while the engine reads it; when the archive fails on the way (its source broke off, or its
     * bytes were not what they should be), whatever the engine took from it is removed again.
     */
    void load(InputStream archive, String reference, Duration timeout) {
        ImageReference target = ImageReference.parse(reference);
        AtomicReference<Throwable> broken = new AtomicReference<>();
        AtomicReference<String> loaded = new AtomicReference<>();
        AtomicReference<String> streamError = new AtomicReference<>();
        try (PipedInputStream untagged = new PipedInputStream(PIPE)) {
            PipedOutputStream feed = new PipedOutputStream(untagged);
            Thread rewriter = Thread.ofVirtual().name("untag " + reference).start(() -> {
                try (feed) {
                    UntaggedArchive.copy(archive, feed);
                } catch (IOException | RuntimeException e) {
                    broken.set(e);
                }
            });
            var callback = docker.loadImageAsyncCmd(untagged).exec(new QuietCallback<LoadResponseItem>() {
                @Override
                public void onNext(LoadResponseItem item) {
                    String error = DockerCalls.streamError(item);
                    if (error != null) {
                        streamError.set(error);
                    } else if (item.getStream() != null && item.getStream().startsWith(LOADED_ID)) {
                        loaded.set(item.getStream().substring(LOADED_ID.length()).strip());
                    }
                }
            });
            boolean done = callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
            rewriter.join(timeout);
            String failure = !done ? "no answer within " + timeout.toSeconds() + " s"
                    : broken.get() != null ? "the archive broke off: " + broken.get().getMessage()
                    : callback.failure() != null ? callback.failure().getMessage()
                    : streamError.get() != null ? streamError.get()
                    : loaded.get() == null ? "the archive held no image" : null;
            if (failure != null) {
                callback.close();
                if (loaded.get() != null) {
                    remove(loaded.get());
                }
                throw new ImageUnavailableException(reference, failure, broken.get());
            }
            calls.run("tag image", null, () -> docker.tagImageCmd(loaded.get(), target.repository(), target.tag())
                    .exec());
            LOG.infof("loaded image %s as %s", loaded.get(), target);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageUnavailableException(reference, "interrupted", e);
        } catch (IOException e) {
            throw new ImageUnavailableException(reference, e.getMessage(), e);
        }
    }

    /** {@code docker search}: the engine asks its registry (Docker Hub unless configured otherwise). */
    List<SearchImages.Match> search(String term) {
        List<SearchItem> found = calls.call("search images", null, () -> docker.searchImagesCmd(term).exec());
        return found.stream().map(i -> new SearchImages.Match(i.getName(), i.getDescription(),
                i.getStarCount() == null ? 0 : i.getStarCount(), Boolean.TRUE.equals(i.isOfficial()),
                Boolean.TRUE.equals(i.isTrusted()))).toList();
    }
}
