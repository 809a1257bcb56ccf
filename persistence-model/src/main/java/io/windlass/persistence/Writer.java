package io.windlass.persistence;

import java.util.Optional;

/** The services that write the shared workload tables, by their {@code quarkus.application.name}. */
public enum Writer {
    /** Inserts the rows; writes what users ask for (names, actions' task states, deletes). */
    API("api-service"),
    /** Writes what hosts report and what the workflows decide (host, observed state). */
    CONDUCTOR("conductor-service");

    private final String applicationName;

    Writer(String applicationName) {
        this.applicationName = applicationName;
    }

    public String applicationName() {
        return applicationName;
    }

    public static Optional<Writer> ofApplication(String applicationName) {
        for (Writer writer : values()) {
            if (writer.applicationName.equals(applicationName)) {
                return Optional.of(writer);
            }
        }
        return Optional.empty();
    }
}
