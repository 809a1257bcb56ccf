package io.windlass.container;

/**
 * Zun's {@code healthcheck} (1.22), times in seconds as Zun takes them; the engine runs {@link #test()}
 * with the shell ({@code CMD-SHELL}, as docker-py sends a command string). A null time or count is the
 * engine's default (30 s interval and timeout, 3 retries, no start period).
 *
 * @param test        the command (Zun's request calls it {@code cmd} and shows it as {@code test})
 * @param interval    seconds between checks, or null
 * @param retries     failures in a row that make the container unhealthy, or null
 * @param timeout     seconds a check may run, or null
 * @param startPeriod seconds after start when failures do not count yet, or null
 */
public record ContainerHealthcheck(String test, Integer interval, Integer retries, Integer timeout,
                                   Integer startPeriod) {
}
