package io.windlass.image.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.windlass.api.error.ApiException;
import io.windlass.api.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Glance's two json-patch media types, read into the same changes, and their errors in Glance's words. */
class ImagePatchTest {
    private static final String V20 = "application/openstack-images-v2.0-json-patch";
    private static final String V21 = "application/openstack-images-v2.1-json-patch";
    private final ObjectMapper json = new ObjectMapper();

    private ImagePatch patch(String type, String body) throws Exception {
        return ImagePatch.of(ImagePatch.draft(type), json.readTree(body));
    }

    private String error(String type, String body) {
        return assertThrows(InvalidInputException.class, () -> patch(type, body)).getMessage();
    }

    @Test
    void bothMediaTypesSpellTheSameChanges() throws Exception {
        JsonNode name = json.readTree("\"new\"");
        List<ImagePatch.Change> expected = List.of(new ImagePatch.Change("replace", "name", name),
                new ImagePatch.Change("remove", "a/b~c", null));
        assertEquals(expected, patch(V21, "[{\"op\": \"replace\", \"path\": \"/name\", \"value\": \"new\"},"
                + "{\"op\": \"remove\", \"path\": \"/a~1b~0c\"}]").changes());
        ImagePatch old = patch(V20 + "; charset=UTF-8", "[{\"replace\": \"/name\", \"value\": \"new\"},"
                + "{\"remove\": \"/a~1b~0c\"}]");
        assertEquals(expected, old.changes());
        assertEquals(true, old.draft4());
    }

    @Test
    void errorsAreGlances() {
        assertEquals(415, assertThrows(ApiException.class, () -> ImagePatch.draft("application/json")).status());
        assertEquals("Unable to find `op` in JSON Schema change. It must be one of the following: add, remove, "
                + "replace.", error(V21, "[{\"replace\": \"/name\", \"value\": \"x\"}]"));
        assertEquals("Invalid operation: `move`. It must be one of the following: add, remove, replace.",
                error(V21, "[{\"op\": \"move\", \"path\": \"/name\"}]"));
        assertEquals("Operation objects must contain exactly one member named \"add\", \"remove\", or \"replace\".",
                error(V20, "[{\"op\": \"replace\", \"path\": \"/name\", \"value\": \"x\"}]"));
        assertEquals("Operation objects must contain only one member named \"add\", \"remove\", or \"replace\".",
                error(V20, "[{\"add\": \"/a\", \"replace\": \"/name\", \"value\": \"x\"}]"));
        assertEquals("Unable to find 'path' in JSON Schema change", error(V21, "[{\"op\": \"remove\"}]"));
        assertEquals("Operation \"add\" requires a member named \"value\".", error(V21,
                "[{\"op\": \"add\", \"path\": \"/x\"}]"));
        assertEquals("Pointer `name` does not start with \"/\".", error(V21,
                "[{\"op\": \"remove\", \"path\": \"name\"}]"));
        assertEquals("Invalid JSON pointer for this resource: '/a/b'", error(V21,
                "[{\"op\": \"remove\", \"path\": \"/a/b\"}]"));
        assertEquals("Pointer `/a~2` contains \"~\" not part of a recognized escape sequence.", error(V21,
                "[{\"op\": \"remove\", \"path\": \"/a~2\"}]"));
        assertEquals("Operations must be JSON objects.", error(V21, "[\"x\"]"));
        assertEquals("Request body must be a JSON array of operation objects.", error(V21, "{}"));
    }
}
