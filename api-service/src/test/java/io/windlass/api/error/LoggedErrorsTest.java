package io.windlass.api.error;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LoggedErrorsTest {
    @Test
    void passwordMembersAreMaskedAndTheRestKept() {
        assertEquals("Invalid input for field/attribute changePassword. Value: {'adminPass': '***', 'x': 1}. "
                        + "Additional properties are not allowed ('x' was unexpected)",
                LoggedErrors.masked("Invalid input for field/attribute changePassword. Value: {'adminPass': 's3:c r\\'et', "
                        + "'x': 1}. Additional properties are not allowed ('x' was unexpected)"));
        assertEquals("Value: {'adminPass': '***'}", LoggedErrors.masked("Value: {'adminPass': \"it's\"}"));
        assertEquals("Value: {'password': '***', 'name': 'u'}", LoggedErrors.masked("Value: {'password': 'pw', 'name': 'u'}"));
        assertEquals("Instance x could not be found.", LoggedErrors.masked("Instance x could not be found."));
        // a registry's password that fails its own schema: neither the value nor the reason that repeats it
        assertEquals("Invalid input for field 'registry.password'.Value: '***'.", LoggedErrors.masked(
                "Invalid input for field 'registry.password'.Value: '" + "p".repeat(256) + "'. '" + "p".repeat(256)
                        + "' is too long"));
        assertEquals("Invalid input for field 'password'.Value: '***'.",
                LoggedErrors.masked("Invalid input for field 'password'.Value: '12'. 12 is not of type 'string'"));
        assertEquals("Invalid input for field 'registry.domain'.Value: ''. '' is too short",
                LoggedErrors.masked("Invalid input for field 'registry.domain'.Value: ''. '' is too short"));
    }
}
