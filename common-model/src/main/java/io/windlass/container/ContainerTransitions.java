package io.windlass.container;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which action is allowed in which status: Zun's VALID_STATES (zun/common/utils.py) as
 * one table. A disallowed action is answered with 409 and {@link #conflictMessage}.
 */
public final class ContainerTransitions {

    // Columns, in order, match COLUMNS below. Y = allowed, - = 409. "net" is network_attach and
    // network_detach, which Zun allows in any state; here only where the engine container stands
    // still, so that an interface never races the container's own create, start or removal.
    // "exec" is execute and execute_resize, "archive" get_archive and put_archive: Zun gives each
    // pair the same states.
    private static final String TABLE = """
            #           start stop pause unpause reboot rebuild kill update resize delete d_stop d_force stats logs exec attach top commit archive net
            Creating    -     -    -     -       -      -       -    -      -      -      -      Y       -     -    -    -      -   -      -      -
            Created     Y     -    -     -       Y      Y       -    Y      Y      Y      Y      Y       -     Y    -    -      -   -      Y      Y
            Running     -     Y    Y     -       Y      Y       Y    Y      Y      -      Y      Y       Y     Y    Y    Y      Y   Y      Y      Y
            Stopped     Y     -    -     -       Y      Y       -    Y      Y      Y      Y      Y       -     Y    -    -      -   Y      Y      Y
            Paused      -     -    -     Y       -      -       -    Y      Y      -      -      -       -     Y    -    -      -   Y      Y      -
            Restarting  -     -    -     -       -      -       -    -      -      -      -      Y       -     -    -    -      -   -      -      -
            Rebuilding  -     -    -     -       -      -       -    -      -      -      -      Y       -     -    -    -      -   -      -      -
            Deleting    -     -    -     -       -      -       -    -      -      -      -      Y       -     -    -    -      -   -      -      -
            Deleted     -     -    -     -       -      -       -    -      -      Y      Y      Y       -     -    -    -      -   -      -      -
            Dead        -     -    -     -       -      -       -    -      -      Y      Y      Y       -     -    -    -      -   -      -      -
            Error       Y     -    -     -       Y      Y       -    -      -      Y      Y      Y       -     Y    -    -      -   -      -      -
            Unknown     -     -    -     -       -      -       -    -      -      -      -      Y       -     Y    -    -      -   -      -      -
            """;

    private static final ContainerAction[] COLUMNS = {
        ContainerAction.START, ContainerAction.STOP, ContainerAction.PAUSE, ContainerAction.UNPAUSE,
        ContainerAction.REBOOT, ContainerAction.REBUILD, ContainerAction.KILL, ContainerAction.UPDATE,
        ContainerAction.RESIZE, ContainerAction.DELETE, ContainerAction.DELETE_AFTER_STOP,
        ContainerAction.DELETE_FORCE, ContainerAction.STATS, ContainerAction.LOGS, ContainerAction.EXECUTE,
        ContainerAction.ATTACH, ContainerAction.TOP, ContainerAction.COMMIT, ContainerAction.GET_ARCHIVE,
        ContainerAction.NETWORK_ATTACH,
    };

    private static final Map<ContainerStatus, Set<ContainerAction>> ALLOWED = parse();

    private ContainerTransitions() {
    }

    public static boolean isAllowed(ContainerStatus status, ContainerAction action) {
        return ALLOWED.get(status).contains(column(action));
    }

    /** One column for both directions of an interface change, and for each of Zun's pairs that share their states. */
    private static ContainerAction column(ContainerAction action) {
        return switch (action) {
            case NETWORK_DETACH -> ContainerAction.NETWORK_ATTACH;
            case EXECUTE_RESIZE -> ContainerAction.EXECUTE;
            // Zun's VALID_STATES gives the terminal's resize the attach's states (Running)
            case RESIZE_TTY -> ContainerAction.ATTACH;
            // Zun's VALID_STATES gives the security group changes the archives' states
            case PUT_ARCHIVE, ADD_SECURITY_GROUP, REMOVE_SECURITY_GROUP -> ContainerAction.GET_ARCHIVE;
            default -> action;
        };
    }

    /** Zun's wording: "Cannot stop container &lt;uuid&gt; in Stopped state". */
    public static String conflictMessage(ContainerStatus status, ContainerAction action, String uuid) {
        return "Cannot " + action.verb() + " container " + uuid + " in " + status.value() + " state.";
    }

    private static Map<ContainerStatus, Set<ContainerAction>> parse() {
        Map<ContainerStatus, Set<ContainerAction>> table = new EnumMap<>(ContainerStatus.class);
        for (String line : TABLE.strip().split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] cells = line.strip().split("\\s+");
            if (cells.length != COLUMNS.length + 1) {
                throw new IllegalStateException("transition table row has wrong width: " + line);
            }
            Set<ContainerAction> allowed = EnumSet.noneOf(ContainerAction.class);
            for (int i = 0; i < COLUMNS.length; i++) {
                if (cells[i + 1].equals("Y")) {
                    allowed.add(COLUMNS[i]);
                }
            }
            table.put(ContainerStatus.fromValue(cells[0]), allowed);
        }
        if (table.size() != ContainerStatus.values().length) {
            throw new IllegalStateException("transition table misses a status");
        }
        return table;
    }
}
