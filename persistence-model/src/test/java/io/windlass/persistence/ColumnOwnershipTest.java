package io.windlass.persistence;

import io.windlass.capsule.persistence.CapsuleEntity;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.server.persistence.ServerEntity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColumnOwnershipTest {

    @Test
    void everyMappedFieldOfTheWorkloadTablesStatesItsWriters() {
        // of() refuses a persistent field without @WrittenBy
        for (Class<?> entity : List.of(ContainerEntity.class, CapsuleEntity.class, ServerEntity.class)) {
            ColumnOwnership.of(entity);
        }
        assertEquals(Set.of(Writer.CONDUCTOR), ColumnOwnership.of(ContainerEntity.class).writersOf("host"));
        assertEquals(Set.of(Writer.API, Writer.CONDUCTOR),
                ColumnOwnership.of(ServerEntity.class).writersOf("taskState"));
    }

    @Test
    void aFieldWithoutOwnerIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ColumnOwnership.of(Unstated.class));
        assertTrue(e.getMessage().contains("[image]"), e.getMessage());
    }

    @Test
    void onlyChangedColumnsOutsideTheWritersShareAreViolations() {
        ColumnOwnership containers = ColumnOwnership.of(ContainerEntity.class);
        String[] properties = {"name", "host", "taskState"};
        Object[] before = {"web", null, null};

        assertEquals(List.of(), containers.violations(Writer.CONDUCTOR, properties,
                new Object[] {"web", "node-1", null}, before));
        assertEquals(List.of("containers.name"), containers.violations(Writer.CONDUCTOR, properties,
                new Object[] {"web2", "node-1", null}, before));
        assertEquals(List.of("containers.host"), containers.violations(Writer.API, properties,
                new Object[] {"web", "node-1", "container_starting"}, before));
    }

    static class Unstated extends WorkloadEntity {
        public String image;
    }
}
