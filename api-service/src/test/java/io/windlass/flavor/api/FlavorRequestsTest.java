package io.windlass.flavor.api;

import io.windlass.api.error.InvalidInputException;
import io.windlass.api.microversion.ApiVersion;
import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import io.windlass.api.validation.TestValidators;
import io.windlass.flavor.service.NewFlavor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.windlass.api.validation.Json.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The schemas of {@code schemas/compute/flavors/}, read by {@link FlavorRequests} and the generic reader. */
class FlavorRequestsTest {
    private static final ApiVersion V2_1 = ApiVersion.of(2, 1);
    private final RequestValidator validator = TestValidators.validator();
    private final FlavorRequests requests = new FlavorRequests(validator);

    @Test
    void createAcceptsNumbersAsStrings() {
        NewFlavor f = create(of("{`flavor`: {`name`: `f`, `ram`: `256`, `vcpus`: 2, `disk`: 0, `id`: 4711, "
                + "`rxtx_factor`: `2.5`, `os-flavor-access:is_public`: `false`, `description`: `d`}}"), ApiVersion.of(2, 55));
        assertEquals(256, f.memoryMb());
        assertEquals("4711", f.flavorId());
        assertEquals(2.5, f.rxtxFactor());
        assertFalse(f.isPublic());
        assertEquals("d", f.description());
        NewFlavor defaults = create(of("{`flavor`: {`name`: `f`, `ram`: 1, `vcpus`: 1, `disk`: 1}}"), V2_1);
        assertEquals(new NewFlavor("f", null, 1, 1, 1, 0, 0, 1.0, true, null), defaults);
    }

    @Test
    void createFailuresAreWordedAsNovaWordsThem() {
        assertEquals("Invalid input for field/attribute flavor/ram. Value: 3000000000. 3000000000 is greater than the "
                + "maximum of 2147483647", error("{`name`: `x`, `ram`: 3000000000, `vcpus`: 1, `disk`: 0}", V2_1));
        assertEquals("Invalid input for field/attribute flavor/vcpus. Value: two. 'two' does not match '^[0-9]*$'",
                error("{`name`: `x`, `ram`: 64, `vcpus`: `two`, `disk`: 0}", V2_1));
        assertEquals("Invalid input for field/attribute flavor/rxtx_factor. Value: 0. 0 is less than or equal to the "
                + "minimum of 0", error("{`name`: `x`, `ram`: 64, `vcpus`: 1, `disk`: 0, `rxtx_factor`: 0}", V2_1));
        assertEquals("Invalid input for field/attribute flavor. Value: {'name': 'x', 'ram': 64, 'vcpus': 1, "
                + "'disk': 0, 'description': 'x'}. Additional properties are not allowed ('description' was "
                + "unexpected)", error("{`name`: `x`, `ram`: 64, `vcpus`: 1, `disk`: 0, `description`: `x`}",
                ApiVersion.of(2, 54)));
        assertEquals("Malformed request body", assertThrows(InvalidInputException.class,
                () -> create(of("[]"), V2_1)).getMessage());
    }

    @Test
    void extraSpecsAreStringifiedAsNovaDoes() {
        assertEquals(Map.of("a", "True", "b", "2"), requests.extraSpecs(of("{`extra_specs`: {`a`: true, `b`: 2}}"), V2_1));
        assertEquals("Request body and URI mismatch", assertThrows(InvalidInputException.class,
                () -> requests.extraSpec(of("{`b`: `1`}"), "a", V2_1)).getMessage());
        assertEquals("Invalid input for field/attribute extra_specs. Value: {'bad$key': '1'}. Additional properties "
                + "are not allowed ('bad$key' was unexpected)", assertThrows(InvalidInputException.class,
                () -> requests.extraSpecs(of("{`extra_specs`: {`bad$key`: `1`}}"), V2_1)).getMessage());
    }

    @Test
    void accessActionsAndListFilters() {
        assertEquals(new FlavorRequests.AccessChange(false, "p1"),
                requests.accessAction(of("{`removeTenantAccess`: {`tenant`: `p1`}}"), V2_1));
        assertThrows(InvalidInputException.class, () -> requests.accessAction(of("{`fly`: {}}"), V2_1));
        assertEquals(Optional.empty(), requests.isPublic(list("is_public", " None")));
        assertEquals(Optional.of(false), requests.isPublic(list("is_public", "no")));
        assertEquals(Optional.of(true), requests.isPublic(list("is_public", "YES ")));
        assertEquals(Optional.of(true), requests.isPublic(list(Map.of(), V2_1)));
        assertEquals("Invalid is_public filter [perhaps]", listError("is_public", "perhaps"));
        assertEquals(512, requests.minimum(list("minRam", " 512 "), "minRam"));
        assertEquals("Invalid minRam filter [lots]", listError("minRam", "lots"));
        assertEquals("Invalid minDisk filter [1.5]", listError("minDisk", "1.5"));
        assertEquals("limit param must be an integer", listError("limit", "ten"));
        assertEquals("limit param must be positive", listError("limit", "-1"));
        assertEquals("flavorid", list(Map.of(), V2_1).text("sort_key"));
        assertEquals("Invalid input for query parameters sort_key. Value: colour. 'colour' is not one of "
                + "['created_at', 'description', 'disabled', 'ephemeral_gb', 'flavorid', 'id', 'is_public', "
                + "'memory_mb', 'name', 'root_gb', 'rxtx_factor', 'swap', 'updated_at', 'vcpus']",
                assertThrows(InvalidInputException.class, () -> list(
                        Map.of("sort_key", List.of("colour")), V2_1)).getMessage());
    }

    private RequestFields list(String parameter, String value) {
        return list(Map.of(parameter, List.of(value)), V2_1);
    }

    private RequestFields list(Map<String, List<String>> query, ApiVersion version) {
        return validator.query(ApiFamily.NOVA, "compute/flavors/list-query", version, query);
    }

    private NewFlavor create(JsonNode body, ApiVersion version) {
        return validator.body(ApiFamily.NOVA, "compute/flavors/create", version, body).object("flavor").as(NewFlavor.class);
    }

    private String listError(String parameter, String value) {
        return assertThrows(InvalidInputException.class, () -> list(parameter, value)).getMessage();
    }

    private String error(String flavor, ApiVersion version) {
        return assertThrows(InvalidInputException.class,
                () -> create(of("{`flavor`: " + flavor + "}"), version)).getMessage();
    }
}
