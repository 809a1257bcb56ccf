package io.windlass.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Python jsonschema's messages, first error first, for the keywords the request schemas use. */
class SchemaValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SchemaValidator validator = new SchemaValidator(io.windlass.api.microversion.ApiVersion.of(2, 1));

    @Test
    void messagesAreJsonschemasWithPythonReprs() {
        assertEquals("'abc' is not of type 'integer'", message("{\"type\": \"integer\"}", "\"abc\""));
        assertEquals("True is not of type 'integer', 'string'", message("{\"type\": [\"integer\", \"string\"]}", "true"));
        assertEquals("'x' is too short", message("{\"minLength\": 2}", "\"x\""));
        assertEquals("'xyz' is too long", message("{\"maxLength\": 2}", "\"xyz\""));
        assertEquals("[] is too short", message("{\"minItems\": 1}", "[]"));
        assertEquals("'b' is not one of ['a', None, True]", message("{\"enum\": [\"a\", null, true]}", "\"b\""));
        assertEquals("\"it's\" does not match '^a'", message("{\"pattern\": \"^a\"}", "\"it's\""));
        assertEquals("0 is less than the minimum of 1", message("{\"minimum\": 1}", "\"0\""));
        assertEquals("100 is greater than the maximum of 16.0", message("{\"maximum\": 16.0}", "100"));
        assertEquals("0 is less than or equal to the minimum of 0", message("{\"exclusiveMinimum\": 0}", "0"));
        assertEquals("'x' is not a 'uuid'", message("{\"format\": \"uuid\"}", "\"x\""));
        assertEquals("{'a': [1, 2.5]} is not valid under any of the given schemas",
                message("{\"anyOf\": [{\"type\": \"string\"}, {\"type\": \"integer\"}]}", "{\"a\": [1, 2.5]}"));
    }

    @Test
    void objectsReportRequiredAndUnexpectedMembersAtTheObject() {
        String schema = "{\"properties\": {\"a\": {\"type\": \"string\"}}, \"required\": [\"a\"],"
                + " \"additionalProperties\": false}";
        SchemaValidator.Violation missing = validator.firstViolation(json(schema), json("{\"b\": 1}"));
        assertEquals("'a' is a required property", missing.message());
        assertEquals(List.of(), missing.path());
        assertEquals("Additional properties are not allowed ('b', 'c' were unexpected)",
                message(schema, "{\"a\": \"x\", \"c\": 1, \"b\": 2}"));
        SchemaValidator.Violation nested = validator.firstViolation(json(schema), json("{\"a\": 5}"));
        assertEquals(List.of("a"), nested.path());
        assertEquals("5 is not of type 'string'", nested.message());
    }

    @Test
    void keywordsAreCheckedInTheSchemasOrder() {
        assertEquals("'' is too short", message("{\"minLength\": 1, \"pattern\": \"^a\"}", "\"\""));
        assertEquals("'' does not match '^a'", message("{\"pattern\": \"^a\", \"minLength\": 1}", "\"\""));
        assertNull(validator.firstViolation(json("{\"minimum\": 1, \"pattern\": \"^[0-9]+$\"}"), json("\"12\"")));
    }

    @Test
    void itemsAndPatternPropertiesNameTheMember() {
        SchemaValidator.Violation item = validator.firstViolation(json("{\"items\": {\"type\": \"string\"}}"), json("[\"a\", 1]"));
        assertEquals(List.of(1), item.path());
        SchemaValidator.Violation value = validator.firstViolation(json("{\"patternProperties\": {\"^k\": {\"maxLength\": 1}}}"),
                json("{\"k1\": \"long\", \"z\": \"long\"}"));
        assertEquals(List.of("k1"), value.path());
    }

    @Test
    void declaredRulesGiveTheirReasonAndAnswer() {
        SchemaValidator.Violation port = validator.firstViolation(json("{\"items\": {\"allOf\": [{\"type\": \"object\"}, "
                + "{\"x-refuse\": {\"unless\": {\"not\": {\"required\": [\"port\"]}}, \"because\": "
                + "\"Port {port} of {@} could not be found; {gone}, {kind}.\"}}], \"properties\": {\"kind\": "
                + "{\"default\": \"local\"}}}}"), json("[{\"port\": \"p1\"}]"));
        assertEquals("Port p1 of 0 could not be found; , .", port.message());
        assertEquals(SchemaValidator.Violation.Kind.REFUSED, port.kind());
        SchemaValidator.Violation local = validator.firstViolation(json("{\"properties\": {\"kind\": {\"default\": "
                + "\"local\"}}, \"x-refuse\": {\"as\": \"invalid\", \"because\": \"{kind} and {}\"}}"), json("{}"));
        assertEquals("local and {}", local.message());
        assertEquals(SchemaValidator.Violation.Kind.INVALID, local.kind());
        SchemaValidator.Violation newer = validator.firstViolation(json("{\"x-refuse\": {\"unless\": {\"enum\": "
                + "[false]}, \"since\": \"2.7\"}}"), json("true"));
        assertEquals(new SchemaValidator.Violation.NewerField(List.of(), "2.7"), newer.newer());
        SchemaValidator.Violation unknown = validator.firstViolation(json("{\"x-unknown\": \"Unknown parameters: {}\", "
                + "\"properties\": {\"a\": {}}}"), json("{\"c\": 1, \"a\": 1, \"b\": 2}"));
        assertEquals("Unknown parameters: b, c", unknown.message());
        assertEquals(SchemaValidator.Violation.Kind.REQUEST, unknown.kind());
        assertEquals("0 is not allowed for {'enum': [0]}", message("{\"not\": {\"enum\": [0]}}", "0"));
    }

    @Test
    void rulesAcrossMembersNameTheValueThatBreaksThem() {
        String schema = "{\"x-unique\": [{\"values\": [\"a/*/n\", \"b/*/n\"], \"as\": \"invalid\", \"because\": \"twice\"}], "
                + "\"x-among\": [{\"values\": [\"m/*\"], \"among\": [\"a/*/n\"], \"as\": \"invalid\", \"because\": \"{} unknown\"}]}";
        SchemaValidator.Violation twice = validator.firstViolation(json(schema),
                json("{\"a\": [{\"n\": \"x\"}, {}], \"b\": [{\"n\": \"y\"}, {\"n\": \"x\"}]}"));
        assertEquals(List.of("b", 1, "n"), twice.path());
        assertEquals("twice", twice.message());
        SchemaValidator.Violation stranger = validator.firstViolation(json(schema),
                json("{\"a\": [{\"n\": \"x\"}], \"m\": [\"x\", \"z\"]}"));
        assertEquals(List.of("m", 1), stranger.path());
        assertEquals("z unknown", stranger.message());
    }

    @Test
    void microversionsDecideWhatASchemaHas() {
        String schema = "{\"properties\": {\"old\": {\"x-until\": \"2.5\"}, \"new\": {\"x-since\": \"2.7\"}}, "
                + "\"additionalProperties\": false, \"x-from\": {\"2.6\": {\"required\": [\"old\"]}}}";
        SchemaValidator at26 = new SchemaValidator(io.windlass.api.microversion.ApiVersion.of(2, 6));
        assertEquals("Additional properties are not allowed ('old' was unexpected)",
                at26.firstViolation(json(schema), json("{\"old\": 1}")).message());
        assertEquals("'old' is a required property", at26.firstViolation(json(schema), json("{}")).message());
        SchemaValidator.Violation tooNew = at26.firstViolation(json(schema), json("{\"new\": 1, \"x\": 2}"));
        assertEquals(new SchemaValidator.Violation.NewerField(List.of("new"), "2.7"), tooNew.newer());
        assertNull(validator.firstViolation(json(schema), json("{\"old\": 1}")));
    }

    @Test
    void formatsForWhatUpstreamChecksInCode() {
        assertNull(validator.firstViolation(json("{\"format\": \"int32\"}"), json("\" -12 \"")));
        assertEquals("'2147483648' is not a 'int32'", message("{\"format\": \"int32\"}", "\"2147483648\""));
        assertNull(validator.firstViolation(json("{\"format\": \"oslo-boolean\"}"), json("\" YES\"")));
        // Python's int() reads any decimal digits
        assertEquals("-3 is less than the minimum of 0", message("{\"minimum\": 0}", "\"-\u0663\""));
    }

    @Test
    void pythonReprQuotesAsPythonDoes() {
        assertEquals("'a\\'b\"'", PythonRepr.repr("a'b\""));
        assertEquals("None", PythonRepr.repr(json("null")));
        assertEquals("0.5", PythonRepr.repr(json("0.5")));
        assertEquals("3000000000", PythonRepr.repr(json("3000000000")));
        assertEquals("text", PythonRepr.str(json("\"text\"")));
    }

    private String message(String schema, String document) {
        return validator.firstViolation(json(schema), json(document)).message();
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
