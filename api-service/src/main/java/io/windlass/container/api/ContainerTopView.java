package io.windlass.container.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.windlass.container.ContainerProcesses;

import java.util.List;

/** {@code GET /containers/{id}/top}: the engine's top as Zun passes it on (Docker's keys and order). */
@JsonPropertyOrder({"Processes", "Titles"})
public record ContainerTopView(@JsonProperty("Processes") List<List<String>> processes,
                               @JsonProperty("Titles") List<String> titles) {

    public static ContainerTopView of(ContainerProcesses top) {
        return new ContainerTopView(top.processes(), top.titles());
    }
}
