package io.windlass.agent.container;

import io.windlass.container.ContainerArchive;
import io.windlass.container.ContainerExec;
import io.windlass.container.ContainerExecResult;
import io.windlass.container.ContainerProcesses;
import io.windlass.container.GetContainerArchive;
import io.windlass.container.ListContainerProcesses;
import io.windlass.container.PutContainerArchive;
import io.windlass.container.ResizeContainerExec;

import java.time.Duration;

/**
 * What compute RPC 1.11 needs of a container engine to reach into a container: Zun's
 * {@code execute}, {@code execute_resize}, {@code top}, {@code get_archive} and {@code put_archive}.
 * Every method is a call its caller waits for. Failures: {@link io.windlass.agent.driver.WorkloadNotFoundException}
 * when the engine has no such container, {@link NotInContainerException} when it has no such path
 * or exec instance, {@link io.windlass.agent.driver.DriverException} for any other refusal.
 */
public interface ContainerAccessDriver {

    /**
     * Runs the command and waits for it to end, or only creates its exec instance.
     *
     * @param timeout longest wait for a command that runs
     * @throws ExecTimeoutException when it ran longer (it is left running, as the engine has no kill for an exec)
     */
    ContainerExecResult exec(ContainerExec request, Duration timeout);

    /** Resizes the terminal of an exec instance of this container. */
    void resizeExec(ResizeContainerExec request);

    /** The container's processes. */
    ContainerProcesses top(ListContainerProcesses request);

    /** @throws ArchiveTooLargeException when the archive is longer than the request's limit */
    ContainerArchive getArchive(GetContainerArchive request);

    /** Extracts the archive into an existing directory of the container. */
    void putArchive(PutContainerArchive request);
}
