package io.windlass.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
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

import static io.windlass.api.validation.Json.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every schema file resolves (references, settings) and checks at both ends of its family; the ranges apply. */
class RequestSchemasTest {
    private static final ApiVersion V2_1 = ApiVersion.of(2, 1);
    private static final ApiVersion V2_95 = ApiVersion.of(2, 95);
    private final RequestSchemas schemas = new RequestSchemas(TestValidators.LIMITS);

    @Test
    void everySchemaResolvesAndChecksAtBothEndsOfItsFamily() throws IOException, URISyntaxException {
        Path root = Path.of(getClass().getClassLoader().getResource("schemas").toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).toList();
        }
        assertTrue(files.size() > 20, "schema files found: " + files.size());
        for (Path file : files) {
            String name = root.relativize(file).toString().replace('\\', '/').replaceAll("\\.json$", "");
            JsonNode schema = schemas.get(name);
            assertFalse(schema.toString().contains("${"), name);
            assertFalse(schema.toString().contains("\"$ref\""), name);
            List<ApiVersion> versions = name.startsWith("container/")
                    ? List.of(ContainerApiVersions.MIN, ContainerApiVersions.MAX)
                    : List.of(ComputeApiVersions.MIN, ComputeApiVersions.MAX);
            // a parameter-types file is a library of definitions, not a request's schema
            for (ApiVersion version : name.endsWith("parameter-types") ? List.<ApiVersion>of() : versions) {
                new SchemaValidator(version).firstViolation(schema, of("{}"));
            }
        }
    }

    @Test
    void propertiesComeAndGoWithTheirMicroversions() {
        JsonNode create = schemas.get("compute/servers/create");
        String personality = "`personality`: [{`path`: `/f`, `contents`: `aGk=`}]";
        assertNull(new SchemaValidator(V2_1).firstViolation(create,
                of("{`server`: {`name`: `x`, `flavorRef`: `1`, " + personality + "}}")));
        assertEquals("Additional properties are not allowed ('personality' was unexpected)", new SchemaValidator(V2_95)
                .firstViolation(create, of("{`server`: {`name`: `x`, `flavorRef`: `1`, `networks`: `none`, "
                        + personality + "}}")).message());
        SchemaValidator.Violation description = new SchemaValidator(V2_1).firstViolation(create,
                of("{`server`: {`name`: `x`, `flavorRef`: `1`, `description`: `d`}}"));
        assertEquals("Additional properties are not allowed ('description' was unexpected)", description.message());
        assertEquals(new SchemaValidator.Violation.NewerField(List.of("server", "description"), "2.19"), description.newer());
        assertNull(new SchemaValidator(V2_95).firstViolation(create,
                of("{`server`: {`name`: `x`, `flavorRef`: `1`, `networks`: `auto`, `hostname`: `web`}}")));
        assertNull(new SchemaValidator(ApiVersion.of(2, 36)).firstViolation(create,
                of("{`server`: {`name`: `x`, `flavorRef`: `1`}}")));
        assertEquals("'networks' is a required property", new SchemaValidator(ApiVersion.of(2, 37))
                .firstViolation(create, of("{`server`: {`name`: `x`, `flavorRef`: `1`}}")).message());
    }
}
