package io.windlass.agent.driver.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import io.windlass.agent.driver.DriverException;
import io.windlass.agent.driver.WorkloadNotFoundException;

import java.io.IOException;

/**
 * Where the engine mounts a running container's filesystem: overlay2's {@code MergedDir} in the
 * container's inspect answer, which docker-java's model does not carry, so it is read from the
 * engine's JSON directly. A server's rescue binds it into the rescue system.
 */
final class DockerMergedRoot {
    private final DockerHttpClient http;
    private final DockerCalls calls;
    private final ObjectMapper json = new ObjectMapper();

    DockerMergedRoot(DockerHttpClient http, DockerCalls calls) {
        this.http = http;
        this.calls = calls;
    }

    /**
     * @param container the engine container's name, running
     * @throws DriverException when the engine shows no such mount (another storage driver)
     */
    String of(String container, String uuid) {
        DockerHttpClient.Request inspect = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path("/containers/" + container + "/json").build();
        JsonNode graph = calls.call("inspect", uuid, () -> {
            try (DockerHttpClient.Response response = http.execute(inspect)) {
                if (response.getStatusCode() == 404) {
                    throw new WorkloadNotFoundException("Server", uuid);
                }
                if (response.getStatusCode() != 200) {
                    throw new DriverException("Docker inspect failed: status " + response.getStatusCode());
                }
                return json.readTree(response.getBody()).path("GraphDriver");
            } catch (IOException e) {
                throw new DriverException("Docker inspect failed: " + e.getMessage(), e);
            }
        });
        String merged = graph.path("Data").path("MergedDir").asText("");
        if (merged.isBlank()) {
            throw new DriverException("the engine shows no mount of server " + uuid + "'s filesystem (storage driver "
                    + graph.path("Name").asText("unknown") + "): a rescue needs overlay2");
        }
        return merged;
    }
}
