package io.windlass.image.api;

import io.windlass.api.error.InvalidInputException;
import io.windlass.api.microversion.ApiVersion;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestValidator;
import io.windlass.api.validation.TestValidators;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code schemas/image/images/list-query.json}: Glance's limit, in its words. */
class ImagesQueryTest {
    private final RequestValidator validator = TestValidators.validator();

    @Test
    void limitIsAnIntegerNotBelowZero() {
        assertEquals(" 7 ", query("limit", " 7 ").text("limit"));
        assertEquals("0", query("limit", "0").text("limit"));
        assertEquals("limit param must be an integer", error("x"));
        assertEquals("limit param must be an integer", error("99999999999"));
        assertEquals("limit param must be positive", error("-1"));
        assertEquals("BadRequest", assertThrows(InvalidInputException.class, () -> query("limit", "-1")).errorName());
        query("name", "busybox");
    }

    private io.windlass.api.validation.RequestFields query(String parameter, String value) {
        return validator.query(ApiFamily.GLANCE, "image/images/list-query", ApiVersion.of(2, 0),
                Map.of(parameter, List.of(value)));
    }

    private String error(String limit) {
        return assertThrows(InvalidInputException.class, () -> query("limit", limit)).getMessage();
    }
}
