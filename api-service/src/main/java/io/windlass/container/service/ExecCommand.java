package io.windlass.container.service;

import java.util.List;

/**
 * What {@code POST /containers/{id}/execute} asks to run.
 *
 * @param text the command as given (Zun's words name it so when it times out)
 * @param argv the program and its arguments, split as docker-py splits a command string
 * @param run  run it now; false: only make its exec instance
 * @param interactive make its exec instance with a terminal and answer the websocket of that
 *                    terminal (Zun's {@code interactive=true}; it is not run then)
 */
public record ExecCommand(String text, List<String> argv, boolean run, boolean interactive) {
    public ExecCommand {
        argv = List.copyOf(argv);
    }
}
