package io.windlass.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.container.ContainerStatus;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.testing.ContainerRows;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The api-service is held to the workload tables' ownership contract ({@link WrittenBy}). */
@QuarkusTest
class ColumnOwnershipGuardIT {
    @Inject
    ContainerRows rows;

    @Test
    void theApiMayNotWriteWhatTheConductorOwnsAndNothingOfSuchAnUpdateIsSaved() {
        ContainerEntity c = rows.insert("owned", ContainerStatus.CREATING, null);

        RuntimeException refused = assertThrows(RuntimeException.class, () -> rows.update(c.uuid, e -> {
            e.name = "renamed";
            e.host = "node-1";
        }));
        assertTrue(causes(refused).contains("api-service may not write [containers.host]"), causes(refused));
        ContainerEntity after = rows.find(c.uuid).orElseThrow();
        assertNull(after.host);
        assertEquals("owned", after.name);

        rows.update(c.uuid, e -> e.name = "renamed");
        assertEquals("renamed", rows.find(c.uuid).orElseThrow().name);
    }

    private static String causes(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append(" / ");
        }
        return all.toString();
    }
}
