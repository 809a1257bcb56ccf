package io.windlass.image.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.windlass.api.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ImageMemberRequestsTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theMemberAsGlancesDeserializerReadsIt() throws Exception {
        assertEquals("p1", ImageMemberRequests.member(json.readTree("{\"member\": \"p1\"}")));
        assertEquals("Body expected in request.", memberRefusal(null));
        assertEquals("Member to be added not specified", memberRefusal("{\"status\": \"x\"}"));
        assertEquals("Member can't be empty", memberRefusal("{\"member\": \"\"}"));
        assertEquals("Member can't be empty", memberRefusal("{\"member\": null}"));
        assertEquals("Expected a member in the form: {\"member\": \"image_id\"}", memberRefusal("[\"p1\"]"));
        assertEquals("Expected a member in the form: {\"member\": \"image_id\"}", memberRefusal("{\"member\": [1]}"));
        assertEquals("Member can't be longer than 255 characters",
                memberRefusal("{\"member\": \"" + "m".repeat(256) + "\"}"));
    }

    @Test
    void theStatusIsPassedOnAsGivenForTheServiceToCheck() throws Exception {
        assertEquals("accepted", ImageMemberRequests.status(json.readTree("{\"status\": \"accepted\"}")));
        assertEquals("notavalidstatus", ImageMemberRequests.status(json.readTree("{\"status\": \"notavalidstatus\"}")));
        assertEquals("1", ImageMemberRequests.status(json.readTree("{\"status\": 1}")));
        assertEquals("Status not specified", assertThrows(InvalidInputException.class,
                () -> ImageMemberRequests.status(json.readTree("{}"))).getMessage());
        assertEquals("Expected a status in the form: {\"status\": \"status\"}", assertThrows(
                InvalidInputException.class, () -> ImageMemberRequests.status(json.readTree("\"accepted\"")))
                .getMessage());
        assertEquals("Body expected in request.", assertThrows(InvalidInputException.class,
                () -> ImageMemberRequests.status(null)).getMessage());
    }

    private String memberRefusal(String body) throws Exception {
        var node = body == null ? null : json.readTree(body);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ImageMemberRequests.member(node));
        assertEquals(400, e.status());
        return e.getMessage();
    }
}
