package io.windlass.container;

import io.windlass.container.persistence.ContainerEntity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContainerRulesTest {
    private final ContainerRules rules = new ContainerRules();

    @Test
    void specCarriesTheRowsDefinition() {
        ContainerEntity row = new ContainerEntity();
        row.uuid = UUID.randomUUID();
        row.name = "web";
        row.image = "busybox";
        row.command = List.of("sleep", "60");
        row.cpu = 1.5;
        row.memory = 512;
        row.projectId = "p1";
        row.labels = Map.of("a", "b");
        row.autoRemove = true;
        row.restartPolicy = new RestartPolicy("on-failure", 3);

        ContainerSpec spec = rules.spec(row);

        assertEquals(row.uuid.toString(), spec.uuid());
        assertEquals(List.of("sleep", "60"), spec.command());
        assertEquals(List.of(), spec.entrypoint());
        assertEquals(1.5, spec.cpu());
        assertEquals(512, spec.memoryMb());
        assertEquals(new RestartPolicy("on-failure", 3), spec.restartPolicy());
        assertEquals(Map.of("a", "b"), spec.labels());
        assertEquals(true, spec.autoRemove());
        assertEquals("windlass-" + row.uuid, spec.engineName());
        assertEquals(Map.of("a", "b"), rules.resources(row).properties());
    }
}
