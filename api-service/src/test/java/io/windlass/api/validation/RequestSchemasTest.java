package io.windlass.api.validation;

import io.windlass.api.microversion.ApiVersion;
import io.windlass.api.microversion.ContainerApiVersions;
import io.windlass.compute.api.ComputeApiVersions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every schema file resolves (references, settings) at every microversion edge, and the gates apply. */
class RequestSchemasTest {
    private final RequestSchemas schemas = new RequestSchemas(TestValidators.LIMITS);

    @Test
    void everySchemaResolvesAtBothEndsOfItsFamily() throws IOException, URISyntaxException {
        Path root = Path.of(getClass().getClassLoader().getResource("schemas").toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).toList();
        }
        assertTrue(files.size() > 20, "schema files found: " + files.size());
        for (Path file : files) {
            String name = root.relativize(file).toString().replace('\\', '/').replaceAll("\\.json$", "");
            List<ApiVersion> versions = name.startsWith("container/")
                    ? List.of(ContainerApiVersions.MIN, ContainerApiVersions.MAX)
                    : List.of(ComputeApiVersions.MIN, ComputeApiVersions.MAX);
            for (ApiVersion version : versions) {
                assertFalse(schemas.at(name, version).toString().contains("x-since"), name);
                assertFalse(schemas.at(name, version).toString().contains("${"), name);
            }
        }
    }

    @Test
    void propertiesComeAndGoWithTheirMicroversions() {
        var at21 = schemas.at("compute/servers/create", ApiVersion.of(2, 1)).path("properties").path("server");
        var at95 = schemas.at("compute/servers/create", ApiVersion.of(2, 95)).path("properties").path("server");
        assertTrue(at21.path("properties").has("personality"));
        assertFalse(at95.path("properties").has("personality"));
        assertEquals("2.19", at21.path("x-newer").path("description").asText());
        assertTrue(at95.path("properties").has("hostname"));
        assertEquals(List.of("name", "flavorRef"), strings(at21.path("required")));
        assertEquals(List.of("name", "flavorRef", "networks"), strings(at95.path("required")));
    }

    private static List<String> strings(com.fasterxml.jackson.databind.JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(n -> n.asText()).toList();
    }
}
