package io.windlass.agent.driver.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.windlass.agent.driver.DriverException;
import io.windlass.container.ContainerArchive.PathStat;

import java.io.IOException;
import java.util.Base64;

/**
 * Docker's {@code X-Docker-Container-Path-Stat}: base64 of a JSON object with {@code name},
 * {@code size}, {@code mode}, {@code mtime} and {@code linkTarget}, which docker-py decodes and
 * Zun answers as the archive's {@code stat}.
 */
final class ArchiveStatHeader {

    private ArchiveStatHeader() {
    }

    static PathStat parse(String header, ObjectMapper json) {
        JsonNode stat;
        try {
            stat = json.readTree(Base64.getMimeDecoder().decode(header));
        } catch (IllegalArgumentException | IOException e) {
            throw new DriverException("The engine's path stat is not base64 JSON: " + header, e);
        }
        if (stat == null || !stat.isObject()) {
            throw new DriverException("The engine's path stat is not a JSON object: " + header);
        }
        return new PathStat(stat.path("name").asText(""), stat.path("size").asLong(), stat.path("mode").asLong(),
                stat.path("mtime").asText(""), stat.path("linkTarget").asText(""));
    }
}
