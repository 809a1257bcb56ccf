package io.windlass.aggregate.api;

import io.windlass.api.error.InvalidInputException;
import io.windlass.api.microversion.ApiVersion;
import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.aggregate.service.NewAggregate;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestValidator;
import io.windlass.api.validation.TestValidators;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.windlass.api.validation.Json.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The schemas of {@code schemas/compute/aggregates/}, read by {@link AggregateRequests} and the generic reader. */
class AggregateRequestsTest {
    private static final ApiVersion V2_81 = ApiVersion.of(2, 81);
    private final RequestValidator validator = TestValidators.validator();
    private final AggregateRequests requests = new AggregateRequests(validator);

    @Test
    void createUpdateAndActions() {
        assertEquals(new NewAggregate("a", Optional.of("az")),
                create(of("{`aggregate`: {`name`: `a`, `availability_zone`: `az`}}"), V2_81));
        assertEquals(Optional.of("padded"), requests.update(of("{`aggregate`: {`name`: ` padded `}}"), V2_81).name());
        assertEquals(new AggregateAction.AddHost("h1"), requests.action(of("{`add_host`: {`host`: `h1`}}"), V2_81));
        AggregateAction.SetMetadata set = (AggregateAction.SetMetadata) requests.action(
                of("{`set_metadata`: {`metadata`: {`k`: `v`, `gone`: null}}}"), V2_81);
        assertEquals(Map.of("k", Optional.of("v"), "gone", Optional.empty()), set.metadata());
        assertEquals(List.of("a", "b"), requests.cacheImages(of("{`cache`: [{`id`: `a`}, {`id`: `b`}]}"), V2_81));
        assertEquals(new NewAggregate("a", Optional.empty()),
                create(of("{`aggregate`: {`name`: `a`, `availability_zone`: null}}"), V2_81));
    }

    @Test
    void failuresNameThePath() {
        // a pattern is shown as Python's repr shows it, backslashes doubled
        assertEquals("Invalid input for field/attribute aggregate/name. Value:  lead. ' lead' does not match "
                + "'^(?![\\\\p{Z}\\\\s])[^\\\\p{C}\\\\p{Zl}\\\\p{Zp}]*(?<![\\\\p{Z}\\\\s])$'", error(() -> create(
                of("{`aggregate`: {`name`: ` lead`}}"), V2_81)));
        assertEquals("Invalid input for field/attribute aggregate. Value: {}. {} is not valid under any of the given "
                + "schemas", error(() -> requests.update(of("{`aggregate`: {}}"), V2_81)));
        assertEquals("Invalid input for field/attribute add_host. Value: {'hots': 'compute'}. Additional properties "
                + "are not allowed ('hots' was unexpected)", error(() -> requests.action(
                of("{`add_host`: {`hots`: `compute`}}"), V2_81)));
        assertEquals("Invalid input for field/attribute set_metadata/metadata/k. Value: 5. 5 is not of type "
                + "'string', 'null'", error(() -> requests.action(of("{`set_metadata`: {`metadata`: {`k`: 5}}}"), V2_81)));
        assertEquals("Duplicate images in request", error(() -> requests.cacheImages(
                of("{`cache`: [{`id`: `a`}, {`id`: `a`}]}"), V2_81)));
        for (String id : List.of("abc", "", " 1", "1.0", "99999999999")) {
            assertEquals("Invalid input received: id must be an integer", error(() -> requests.aggregateId(id, V2_81)));
        }
        assertEquals(-7, requests.aggregateId("-7", V2_81));
        assertEquals("Invalid input for field/attribute aggregate/name. Value:   . '' is too short",
                error(() -> requests.update(of("{`aggregate`: {`name`: `  `}}"), V2_81)));
    }

    private NewAggregate create(JsonNode body, ApiVersion version) {
        return validator.body(ApiFamily.NOVA, "compute/aggregates/create", version, body).object("aggregate")
                .as(NewAggregate.class);
    }

    private static String error(Runnable request) {
        return assertThrows(InvalidInputException.class, request::run).getMessage();
    }
}
