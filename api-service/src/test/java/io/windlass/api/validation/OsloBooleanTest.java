package io.windlass.api.validation;

import io.windlass.api.microversion.ApiVersion;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The schemas' boolean spellings and OsloBoolean are one vocabulary. */
class OsloBooleanTest {

    @Test
    void theSchemaSpellingsAreOslosBooleans() {
        Set<String> truths = new HashSet<>();
        Set<String> falsehoods = new HashSet<>();
        new RequestSchemas(TestValidators.LIMITS).at("parameter-types", ApiVersion.of(1, 1))
                .path("boolean").path("enum").forEach(v -> {
                    if (v.isTextual()) {
                        (OsloBoolean.parse(v.asText()).orElseThrow() ? truths : falsehoods)
                                .add(v.asText().toLowerCase(Locale.ROOT));
                    }
                });
        assertEquals(OsloBoolean.TRUE, truths);
        assertEquals(OsloBoolean.FALSE, falsehoods);
    }
}
