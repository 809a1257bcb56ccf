package io.windlass.container.service;

import java.util.List;

/**
 * What {@code POST /containers/{id}/execute} asks to run.
 *
 * @param text the command as given (Zun's words name it so when it times out)
 * @param argv the program and its arguments, split as docker-py splits a command string
 * @param run  run it now; false: only make its exec instance
 */
public record ExecCommand(String text, List<String> argv, boolean run) {
    public ExecCommand {
        argv = List.copyOf(argv);
    }
}
