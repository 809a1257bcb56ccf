package io.windlass.agent.driver.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Frame;
import io.windlass.agent.driver.DriverException;
import io.windlass.agent.server.PasswordNotSetException;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Root's password set in a running server's engine container as an admin would set it by hand:
 * {@code chpasswd} run in it as root, fed {@code root:<password>} on its standard input. Never its
 * arguments or environment, which the engine shows in its inspections and the guest in
 * {@code /proc}; and never a log line. The line goes through the guest's shell ({@link #COMMAND}):
 * the engine's attached stdin cannot be half-closed from here, so chpasswd, which reads to the end
 * of its input, would wait forever; the shell reads the one line and gives chpasswd a pipe that ends.
 */
final class DockerGuestPassword {
    private static final Logger LOG = Logger.getLogger(DockerGuestPassword.class);
    /** chpasswd rewrites two small files; a guest that takes longer is stuck. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** What the guest says is logged for the operator; chpasswd says little. */
    private static final int MAX_OUTPUT_BYTES = 4096;
    /** The engine's exit code for an exec it could not start (no such user, nothing executable). */
    private static final int CANNOT_START = 126;
    /** The shell's exit code for a command it did not find. */
    private static final int NOT_FOUND = 127;
    /** One line from stdin, and only that, to chpasswd; {@code read} and {@code printf} are the shell's own. */
    private static final String[] COMMAND = {"/bin/sh", "-c", "IFS= read -r line && printf '%s\\n' \"$line\" | chpasswd"};

    private final DockerClient docker;
    private final DockerCalls calls;

    DockerGuestPassword(DockerClient docker, DockerCalls calls) {
        this.docker = docker;
        this.calls = calls;
    }

    /** @throws PasswordNotSetException when chpasswd is missing or fails */
    void set(String uuid, String container, String password) {
        String execId = calls.call("exec", uuid, () -> docker.execCreateCmd(container).withUser("root")
                .withCmd(COMMAND).withAttachStdin(true).withAttachStdout(true).withAttachStderr(true)
                .withTty(false).exec().getId());
        byte[] line = ("root:" + password + "\n").getBytes(StandardCharsets.UTF_8);
        BoundedLog output = new BoundedLog(MAX_OUTPUT_BYTES);
        calls.run("exec start", uuid, () -> {
            var callback = docker.execStartCmd(execId).withDetach(false).withTty(false)
                    .withStdIn(new ByteArrayInputStream(line)).exec(new QuietCallback<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            output.append(frame.getPayload());
                        }
                    });
            try {
                if (!callback.awaitCompletion(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    callback.close();
                    throw new PasswordNotSetException("chpasswd did not finish within " + TIMEOUT.toSeconds()
                            + " seconds");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DriverException("Interrupted while setting the password", e);
            } catch (IOException e) {
                throw new DriverException("The exec stream failed: " + e.getMessage(), e);
            }
        });
        Long exitCode = calls.call("exec inspect", uuid, () -> docker.inspectExecCmd(execId).exec().getExitCodeLong());
        if (exitCode == null || exitCode != 0) {
            LOG.infof("server %s: chpasswd exited with %s: %s", uuid, exitCode, output.toLog().text().strip());
            throw new PasswordNotSetException(reason(exitCode));
        }
    }

    private static String reason(Long exitCode) {
        if (exitCode != null && exitCode == NOT_FOUND) {
            return "the image has no chpasswd";
        }
        if (exitCode != null && exitCode == CANNOT_START) {
            return "the image cannot run chpasswd as root";
        }
        return "chpasswd failed in the guest (exit code " + exitCode + ")";
    }
}
