package io.windlass.api.error;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ZunErrorBodyTest {

    @ParameterizedTest
    @CsvSource({
        "ContainerNotFound,       container.container-not-found",
        "InvalidStateException,   container.invalid-state-exception",
        "SchemaValidationError,   container.schema-validation-error",
        "PolicyNotAuthorized,     container.policy-not-authorized",
        "InvalidParamInVersion,   container.invalid-param-in-version",
        "Conflict,                container.conflict",
        "ContainerHostNotUp,      container.container-host-not-up",
    })
    void codeIsTheDashedExceptionName(String name, String code) {
        ZunErrorBody body = ZunErrorBody.of(409, name, "message");
        assertEquals(code, body.errors().getFirst().code());
        assertEquals("", body.errors().getFirst().requestId());
        assertEquals("message", body.errors().getFirst().title());
        assertEquals("message", body.errors().getFirst().detail());
    }
}
