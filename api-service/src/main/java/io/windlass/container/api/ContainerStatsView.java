package io.windlass.container.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.windlass.container.service.ContainerSample;

/** {@code GET /containers/{ident}/stats}, keyed as {@code docker stats} columns (Zun's wire format). */
@JsonPropertyOrder({"CONTAINER", "CPU %", "MEM USAGE(MiB)", "MEM LIMIT(MiB)", "MEM %", "BLOCK I/O(B)", "NET I/O(B)"})
public record ContainerStatsView(@JsonProperty("CONTAINER") String container,
                                 @JsonProperty("CPU %") double cpuPercent,
                                 @JsonProperty("MEM USAGE(MiB)") double memoryUsage,
                                 @JsonProperty("MEM LIMIT(MiB)") double memoryLimit,
                                 @JsonProperty("MEM %") double memoryPercent,
                                 @JsonProperty("BLOCK I/O(B)") String blockIo,
                                 @JsonProperty("NET I/O(B)") String netIo) {

    public static ContainerStatsView of(ContainerSample sample) {
        var s = sample.stats();
        return new ContainerStatsView(sample.name(), s.cpuPercent(), s.memoryUsageMib(), s.memoryLimitMib(),
                s.memoryPercent(), s.blockReadBytes() + "/" + s.blockWriteBytes(),
                s.netRxBytes() + "/" + s.netTxBytes());
    }
}
