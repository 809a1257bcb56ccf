package io.windlass.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The schemas' boolean spellings and OsloBoolean are one vocabulary. */
class OsloBooleanTest {

    @Test
    void theSchemaSpellingsAreOslosBooleans() {
        JsonNode types = new RequestSchemas(TestValidators.LIMITS).get("parameter-types");
        Set<String> truths = new HashSet<>();
        Set<String> falsehoods = new HashSet<>();
        List<JsonNode> falses = new ArrayList<>();
        types.path("boolean").path("enum").forEach(v -> {
            boolean truth = v.isBoolean() ? v.booleanValue() : OsloBoolean.parse(v.asText()).orElseThrow();
            if (v.isTextual()) {
                (truth ? truths : falsehoods).add(v.asText().toLowerCase(Locale.ROOT));
            }
            if (!truth) {
                falses.add(v);
            }
        });
        assertEquals(OsloBoolean.TRUE, truths);
        assertEquals(OsloBoolean.FALSE, falsehoods);
        List<JsonNode> declared = new ArrayList<>();
        types.path("false").path("enum").forEach(declared::add);
        assertEquals(falses, declared, "false is the false half of boolean");
    }
}
