package io.windlass.agent.driver.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.ResponseItem;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.windlass.agent.driver.DriverException;
import io.windlass.agent.driver.EngineMeters;
import io.windlass.agent.driver.EngineUnreachableException;
import io.windlass.agent.driver.ImageUnavailableException;
import io.windlass.agent.driver.WorkloadExistsException;
import io.windlass.agent.driver.WorkloadNotFoundException;
import io.windlass.rpc.RpcTracing;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place the agent runs a docker-java call and turns its exceptions into the drivers'
 * vocabulary, for every workload kind: "not found" names the workload
 * ({@link WorkloadNotFoundException}), "not modified" (start of a running container, stop of a
 * stopped one) is success, an engine that does not answer is {@link EngineUnreachableException}
 * (transient), anything else is a {@link DriverException} with the engine's own message, fit for a
 * status reason. Each call is timed and traced ({@link EngineMeters}).
 */
public final class DockerCalls {
    private static final Logger LOG = Logger.getLogger(DockerCalls.class);
    private static final Pattern ENGINE_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** How often a removal is tried while the engine finds the container's filesystem busy. */
    static final int REMOVAL_ATTEMPTS = 4;

    private final String noun;
    private final String kind;
    private final EngineMeters meters;
    private final Duration removalPause;

    /**
     * @param noun   names the workloads in "not found" messages: {@code Container}, {@code Server}, {@code Capsule}
     * @param meters times every call, tagged with the noun as its kind ({@code container}, ...)
     */
    public DockerCalls(String noun, EngineMeters meters) {
        this(noun, meters, Duration.ofMillis(500));
    }

    /** @param removalPause the wait before a busy removal is tried again */
    DockerCalls(String noun, EngineMeters meters, Duration removalPause) {
        this.noun = noun;
        this.kind = noun.toLowerCase(Locale.ROOT);
        this.meters = meters;
        this.removalPause = removalPause;
    }

    /**
     * Removes an engine container, as {@link #run} does, except that a removal the engine refuses
     * because the container's filesystem is still busy is tried again a few times before it fails:
     * docker's "driver failed to remove root filesystem ... device or resource busy", seen while the
     * engine restarts, when a mount is let go of a moment later. Without it, the workload's delete
     * fails and the workload stays with its claim.
     */
    public void remove(String uuid, Runnable call) {
        for (int attempt = 1; ; attempt++) {
            try {
                run("remove", uuid, call);
                return;
            } catch (DriverException e) {
                if (attempt == REMOVAL_ATTEMPTS || !filesystemBusy(e)) {
                    throw e;
                }
                LOG.infof("docker remove %s %s: its filesystem is busy; trying again (%d of %d)", kind, uuid,
                        attempt + 1, REMOVAL_ATTEMPTS);
                try {
                    Thread.sleep(removalPause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** The engine's refusal to remove a container whose filesystem something still holds. */
    static boolean filesystemBusy(DriverException e) {
        return e.getMessage() != null && e.getMessage().contains("device or resource busy");
    }

    /**
     * @param uuid the workload the call is about, or null when a "not found" is about something
     *             else (an image on create, a volume)
     */
    public <T> T call(String operation, String uuid, Supplier<T> call) {
        return timed(operation, () -> translated(operation, uuid, call));
    }

    /**
     * Runs {@code call} and records its time and outcome, whatever it throws, without translating its
     * exceptions: for a call that speaks the drivers' vocabulary itself (an image pull).
     */
    <T> T timed(String operation, Supplier<T> call) {
        long started = System.nanoTime();
        EngineMeters.Outcome outcome = EngineMeters.Outcome.OK;
        RuntimeException failure = null;
        Span span = meters.startCall(kind, operation);
        try (Scope ignored = RpcTracing.within(span)) {
            return call.get();
        } catch (RuntimeException e) {
            outcome = EngineMeters.Outcome.of(e);
            failure = e;
            throw e;
        } finally {
            meters.call(kind, operation, outcome, System.nanoTime() - started);
            EngineMeters.endCall(span, outcome, failure);
        }
    }

    private <T> T translated(String operation, String uuid, Supplier<T> call) {
        LOG.debugf("docker %s %s %s", operation, noun.toLowerCase(), uuid == null ? "" : uuid);
        try {
            return call.get();
        } catch (NotModifiedException e) {
            LOG.debugf("docker %s %s: already done", operation, uuid);
            return null;
        } catch (NotFoundException e) {
            if (uuid != null) {
                throw new WorkloadNotFoundException(noun, uuid);
            }
            throw new DriverException("Docker " + operation + " failed: " + engineMessage(e), e);
        } catch (DockerException e) {
            throw new DriverException("Docker " + operation + " failed: " + engineMessage(e), e);
        } catch (DriverException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unreachableOr(new DriverException("Docker " + operation + " failed: " + e.getMessage(), e), e);
        }
    }

    /**
     * docker-java reports an engine that does not answer (socket gone, connection cut, no response)
     * as an unchecked exception around an {@link IOException}; the engine's own refusals come as
     * {@link DockerException}s instead.
     */
    private static DriverException unreachableOr(DriverException otherwise, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return new EngineUnreachableException("the engine does not answer (" + t + ")", e);
            }
        }
        return otherwise;
    }

    /**
     * The engine's create of a workload's container from {@code image}, with nothing looked up first:
     * before every create, an inspect of the name and one of the image were two engine round trips
     * on the way of each boot that almost never found anything. The engine says it instead: a name it
     * holds already (409) is {@link WorkloadExistsException}, an earlier delivery's work; a "not
     * found" (404) is checked against the image only then, and is {@link ImageUnavailableException}
     * when the image is what is missing.
     *
     * @return the engine's id of the new container
     */
    public String create(String operation, DockerClient docker, String image, Supplier<String> create) {
        try {
            // no uuid: a "not found" from create is about the image or a network, not the container
            return call(operation, null, create);
        } catch (DriverException e) {
            if (e.getCause() instanceof ConflictException) {
                throw new WorkloadExistsException(e.getMessage(), e.getCause());
            }
            if (e.getCause() instanceof NotFoundException && !imagePresent(docker, image)) {
                throw new ImageUnavailableException(image, null, e.getCause());
            }
            throw e;
        }
    }

    public void run(String operation, String uuid, Runnable call) {
        call(operation, uuid, () -> {
            call.run();
            return null;
        });
    }

    /**
     * Whether the engine holds the image. Any other failure is the engine's to explain: a reference
     * it refuses ({@code "BUSY BOX:!!"}, invalid reference format) fails the operation naming it.
     */
    public boolean imagePresent(DockerClient docker, String image) {
        return inspectImage(docker, image).isPresent();
    }

    /** The engine's view of the image, when it holds it; failures as {@link #imagePresent}. */
    public Optional<InspectImageResponse> inspectImage(DockerClient docker, String image) {
        return timed("inspect image", () -> imageLookedUp(docker, image));
    }

    private Optional<InspectImageResponse> imageLookedUp(DockerClient docker, String image) {
        try {
            return Optional.of(docker.inspectImageCmd(image).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (DockerException e) {
            throw new DriverException("Docker cannot look up image " + image + ": " + engineMessage(e), e);
        } catch (RuntimeException e) {
            throw unreachableOr(new DriverException("Docker cannot look up image " + image + ": " + e.getMessage(), e),
                    e);
        }
    }

    /**
     * The failure a streamed answer (a pull's, a load's) carries in one of its items, or null: the
     * engine reports such failures inside the stream, not as an HTTP error.
     */
    public static String streamError(ResponseItem item) {
        if (item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null) {
            return item.getErrorDetail().getMessage();
        }
        return item.getError();
    }

    /** Docker puts its human message in a JSON body; show that rather than the raw HTTP status line. */
    public static String engineMessage(DockerException e) {
        String raw = e.getMessage() == null ? "" : e.getMessage();
        Matcher m = ENGINE_MESSAGE.matcher(raw);
        return m.find() ? m.group(1).replace("\\\"", "\"") : raw.strip();
    }
}
