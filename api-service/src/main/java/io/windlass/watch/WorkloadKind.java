package io.windlass.watch;

/** The workloads whose changes {@code workload_changes} records, by the name its triggers give them. */
public enum WorkloadKind {
    CONTAINER("container"),
    CAPSULE("capsule"),
    SERVER("server");

    private final String column;

    WorkloadKind(String column) {
        this.column = column;
    }

    /** The value of {@code workload_changes.kind}. */
    public String column() {
        return column;
    }

    public static WorkloadKind ofColumn(String value) {
        for (WorkloadKind kind : values()) {
            if (kind.column.equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no workload kind " + value);
    }
}
