package io.windlass.container;

import java.util.List;

/**
 * The answer to {@link ListContainerProcesses}: {@code ps}'s table as the engine answers it.
 *
 * @param titles    the column headings ({@code UID}, {@code PID}, ...)
 * @param processes one row per process, a cell per column
 */
public record ContainerProcesses(List<String> titles, List<List<String>> processes) {
    public ContainerProcesses {
        titles = List.copyOf(titles);
        processes = processes.stream().map(List::copyOf).toList();
    }
}
