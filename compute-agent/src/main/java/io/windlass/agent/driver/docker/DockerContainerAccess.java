package io.windlass.agent.driver.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.transport.DockerHttpClient;
import io.windlass.agent.container.ArchiveTooLargeException;
import io.windlass.agent.container.ExecTimeoutException;
import io.windlass.agent.container.NotInContainerException;
import io.windlass.agent.driver.DriverException;
import io.windlass.container.ContainerArchive;
import io.windlass.container.ContainerExec;
import io.windlass.container.ContainerExecResult;
import io.windlass.container.ContainerProcesses;
import io.windlass.container.GetContainerArchive;
import io.windlass.container.ListContainerProcesses;
import io.windlass.container.PutContainerArchive;
import io.windlass.container.ResizeContainerExec;
import io.windlass.workload.WorkloadLog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Zun's calls into a running container, as its Docker driver makes them: {@code exec} (create,
 * start attached, inspect for the exit code), {@code top}, and the archive endpoints of the engine.
 * docker-java has no command that keeps the stat header beside an archive it reads, so that one
 * is a request of its own on the same transport. A 404 of the engine about something other than
 * the container (a path, an exec instance) is Zun's {@code Invalid} ({@link NotInContainerException}).
 */
final class DockerContainerAccess {
    /** The most of a command's output one answer carries (its end), as much as of a log. */
    static final int MAX_OUTPUT_BYTES = DockerLogs.MAX_BYTES;
    private static final String STAT_HEADER = "X-Docker-Container-Path-Stat";

    private final DockerClient docker;
    private final DockerHttpClient http;
    private final DockerCalls calls;
    private final Function<String, String> engineName;
    private final ObjectMapper json = new ObjectMapper();

    /** @param engineName the engine container of a container uuid */
    DockerContainerAccess(DockerClient docker, DockerHttpClient http, DockerCalls calls,
                          Function<String, String> engineName) {
        this.docker = docker;
        this.http = http;
        this.calls = calls;
        this.engineName = engineName;
    }

    ContainerExecResult exec(ContainerExec request, Duration timeout) {
        String name = engineName.apply(request.uuid());
        String execId = calls.call("exec", request.uuid(), () -> docker.execCreateCmd(name)
                .withCmd(request.command().toArray(String[]::new))
                .withAttachStdout(true).withAttachStderr(true)
                // an interactive one (1.17) is started later by a console session, with its stdin
                .withAttachStdin(request.interactive()).withTty(request.interactive()).exec().getId());
        if (!request.run()) {
            return ContainerExecResult.created(execId);
        }
        BoundedLog output = new BoundedLog(MAX_OUTPUT_BYTES);
        calls.run("exec start", request.uuid(), () -> {
            var callback = docker.execStartCmd(execId).withDetach(false).withTty(false)
                    .exec(new QuietCallback<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            output.append(frame.getPayload());
                        }
                    });
            try {
                if (!callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    callback.close();
                    // Zun's words (its API adds the command as the user gave it)
                    throw new ExecTimeoutException("Timeout on executing command: "
                            + String.join(" ", request.command()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DriverException("Interrupted while running the command", e);
            } catch (IOException e) {
                throw new DriverException("Reading the command's output failed: " + e.getMessage(), e);
            }
            if (callback.failure() instanceof RuntimeException e) {
                throw e;
            }
            if (callback.failure() != null) {
                throw new DriverException("Reading the command's output failed: " + callback.failure().getMessage(),
                        callback.failure());
            }
        });
        Long exitCode = calls.call("exec inspect", request.uuid(),
                () -> docker.inspectExecCmd(execId).exec().getExitCodeLong());
        WorkloadLog text = output.toLog();
        return ContainerExecResult.ran(text.text(), exitCode == null ? -1 : exitCode.intValue(), text.truncated());
    }

    /**
     * Exec instances are the engine's, not the container's: one of another container (another
     * project's, perhaps) is refused as if there were none.
     */
    void resizeExec(ResizeContainerExec request) {
        String containerId = calls.call("inspect", request.uuid(),
                () -> docker.inspectContainerCmd(engineName.apply(request.uuid())).exec().getId());
        InspectExecResponse exec = noSuchExec(() -> docker.inspectExecCmd(request.execId()).exec());
        if (!containerId.equals(exec.getContainerID())) {
            throw new NotInContainerException("no such exec instance: No such exec instance: " + request.execId());
        }
        noSuchExec(() -> docker.resizeExecCmd(request.execId()).withSize(request.height(), request.width()).exec());
    }

    private <T> T noSuchExec(Supplier<T> call) {
        return calls.call("exec resize", null, () -> {
            try {
                return call.get();
            } catch (NotFoundException e) {
                throw new NotInContainerException("no such exec instance: " + DockerCalls.engineMessage(e));
            }
        });
    }

    ContainerProcesses top(ListContainerProcesses request) {
        return calls.call("top", request.uuid(), () -> {
            var cmd = docker.topContainerCmd(engineName.apply(request.uuid()));
            if (request.psArgs() != null) {
                cmd.withPsArgs(request.psArgs());
            }
            var top = cmd.exec();
            String[][] rows = top.getProcesses() == null ? new String[0][] : top.getProcesses();
            return new ContainerProcesses(top.getTitles() == null ? List.of() : Arrays.asList(top.getTitles()),
                    Arrays.stream(rows).map(Arrays::asList).toList());
        });
    }

    ContainerArchive getArchive(GetContainerArchive request) {
        String name = engineName.apply(request.uuid());
        DockerHttpClient.Request get = DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET)
                .path("/containers/" + name + "/archive?path=" + URLEncoder.encode(request.path(), StandardCharsets.UTF_8))
                .build();
        return calls.call("get_archive", request.uuid(), () -> {
            try (DockerHttpClient.Response response = http.execute(get)) {
                if (response.getStatusCode() != 200) {
                    throw refusal("get_archive", request.uuid(), response.getStatusCode(), response.getBody());
                }
                String stat = response.getHeader(STAT_HEADER);
                if (stat == null) {
                    throw new DriverException("Docker get_archive failed: the engine sent no " + STAT_HEADER);
                }
                return new ContainerArchive(BoundedArchive.read(response.getBody(), request.maxBytes(), request.path()),
                        ArchiveStatHeader.parse(stat, json));
            } catch (IOException e) {
                throw new DriverException("Docker get_archive failed: " + e.getMessage(), e);
            }
        });
    }

    void putArchive(PutContainerArchive request) {
        String name = engineName.apply(request.uuid());
        calls.run("put_archive", request.uuid(), () -> {
            try {
                docker.copyArchiveToContainerCmd(name).withRemotePath(request.path())
                        .withTarInputStream(new ByteArrayInputStream(request.data())).exec();
            } catch (NotFoundException | BadRequestException e) {
                throw notInContainer(request.uuid(), DockerCalls.engineMessage(e));
            }
        });
    }

    /**
     * The engine's refusal of a request made on the transport, as docker-java would have thrown it:
     * a 404 or 400 (about the path, once the container is known to exist) or any other failure.
     */
    private RuntimeException refusal(String operation, String uuid, int status, InputStream body) throws IOException {
        String message = engineMessage(body);
        if (status == 404 || status == 400) {
            return notInContainer(uuid, message);
        }
        return new DriverException("Docker " + operation + " failed: " + message);
    }

    /**
     * The engine's 404 says "No such container" and "Could not find the file" alike; the container
     * is looked up to tell which (an inspect that fails names the container as missing).
     */
    private NotInContainerException notInContainer(String uuid, String engineMessage) {
        calls.call("inspect", uuid, () -> docker.inspectContainerCmd(engineName.apply(uuid)).exec());
        return new NotInContainerException(engineMessage);
    }

    private String engineMessage(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(64 * 1024);
        try {
            var message = json.readTree(bytes).path("message");
            if (message.isTextual()) {
                return message.asText();
            }
        } catch (IOException e) {
            // not the engine's JSON: its text as it is
        }
        return new String(bytes, StandardCharsets.UTF_8).strip();
    }
}
