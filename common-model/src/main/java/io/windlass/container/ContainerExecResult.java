package io.windlass.container;

/**
 * The answer to {@link ContainerExec}: either what the command printed and how it ended, or (when
 * it was not to run) the id of the exec instance the engine made for it.
 *
 * @param output    stdout and stderr merged in the order written, UTF-8 decoded (malformed bytes
 *                  replaced); null when not run
 * @param exitCode  the command's exit status; null when not run
 * @param execId    the engine's exec instance; null when run (Zun answers none then)
 * @param truncated the output was longer than a host sends in one answer, so {@code output} is its end
 */
public record ContainerExecResult(String output, Integer exitCode, String execId, boolean truncated) {

    public static ContainerExecResult ran(String output, int exitCode, boolean truncated) {
        return new ContainerExecResult(output, exitCode, null, truncated);
    }

    public static ContainerExecResult created(String execId) {
        return new ContainerExecResult(null, null, execId, false);
    }
}
