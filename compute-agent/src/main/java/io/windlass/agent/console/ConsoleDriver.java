package io.windlass.agent.console;

import io.windlass.container.OpenConsole;
import io.windlass.container.ResizeContainerTty;

/**
 * What compute RPC 1.17 needs of a container engine for consoles: a stream of a container
 * (an interactive exec instance's terminal, the main process's, or its log followed) started with
 * its output going to {@code output}, and the main process's terminal resized. Failures as for
 * {@link io.windlass.agent.container.ContainerAccessDriver}.
 */
public interface ConsoleDriver {

    /**
     * Starts the stream; it runs until {@link Console#close()} or until the process or log ends, when
     * {@link ConsoleOutput#ended} is called (once).
     */
    Console open(OpenConsole request, ConsoleOutput output);

    /**
     * Ends what consoles of an earlier run of this agent left running (it stopped without ending
     * them: a crash, a kill): exec processes with a terminal and stdin, which only consoles make.
     * Called at start, before any session of this run exists.
     *
     * @return how many were ended
     */
    int endOrphans();

    /** The main process's terminal resized (Zun's {@code resize}). */
    void resizeTty(ResizeContainerTty request);

    /** Where a console's bytes go. */
    interface ConsoleOutput {
        void write(byte[] bytes);

        void ended(String reason);
    }

    /** A running stream. */
    interface Console extends AutoCloseable {
        /** Bytes for the process's stdin (ignored by a log). */
        void write(byte[] bytes);

        /** Stops the stream and lets go of its process (an exec's is ended); idempotent. */
        @Override
        void close();
    }
}
