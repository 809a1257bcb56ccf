package io.windlass.container.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.windlass.container.ContainerExecResult;

/**
 * {@code POST /containers/{id}/execute}: what the command printed and its exit code, or (not run)
 * its exec instance; interactive, its exec instance and its terminal's websocket. The terminal's
 * address is named twice (null unless interactive): {@code url} as Zun's API reference and samples
 * name it, {@code proxy_url} as Zun's code answers it and python-zunclient reads it.
 */
@JsonPropertyOrder({"output", "exit_code", "exec_id", "url", "proxy_url"})
public record ContainerExecView(String output, @JsonProperty("exit_code") Integer exitCode,
                                @JsonProperty("exec_id") String execId, String url,
                                @JsonProperty("proxy_url") String proxyUrl) {

    public static ContainerExecView of(ContainerExecResult result) {
        return new ContainerExecView(result.output(), result.exitCode(), result.execId(), null, null);
    }

    public static ContainerExecView interactive(String execId, String url) {
        return new ContainerExecView(null, null, execId, url, url);
    }
}
