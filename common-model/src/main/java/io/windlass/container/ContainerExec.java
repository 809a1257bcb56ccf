package io.windlass.container;

import java.util.List;
import java.util.Objects;

/**
 * {@code compute.container_exec} (1.11), a call: Zun's {@code execute}, a command run in a running
 * container by the engine (docker exec), stdout and stderr attached, no terminal, no stdin.
 *
 * @param uuid    the container
 * @param command the program and its arguments (Zun's command string, split as docker-py splits it)
 * @param run     run it and answer its output and exit code; false: only create the exec instance
 *                and answer its id (Zun's {@code run=false}, meant for a terminal attached later)
 * @param interactive (1.17) the exec instance gets a terminal and stdin, for a console session
 *                    ({@code open_console}) to start later; a 1.16 agent ignores it
 */
public record ContainerExec(String uuid, List<String> command, boolean run, boolean interactive) {
    public ContainerExec {
        Objects.requireNonNull(uuid, "uuid");
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("an exec needs a program to run");
        }
    }

    /** A command without a terminal (as before 1.17). */
    public ContainerExec(String uuid, List<String> command, boolean run) {
        this(uuid, command, run, false);
    }
}
