package io.windlass.image.service;

import io.windlass.api.error.ApiException;
import io.windlass.context.RequestContext;
import io.windlass.image.catalog.MemberStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageMemberRulesTest {
    @Test
    void aMemberSeesOnlyItsOwnMembership() {
        RequestContext member = caller("b", "member");
        assertTrue(ImageMemberRules.seesMembership(member, "owner", "b"));
        assertFalse(ImageMemberRules.seesMembership(member, "owner", "c"));
        assertTrue(ImageMemberRules.seesMembership(caller("owner", "reader"), "owner", "c"));
        assertTrue(ImageMemberRules.seesMembership(caller("x", "admin"), "owner", "c"));
    }

    @Test
    void anImageHasAtMostGlancesQuotaOfMembers() {
        assertDoesNotThrow(() -> ImageMemberRules.requireRoomForOneMore(127, "i"));
        ApiException e = assertThrows(ApiException.class, () -> ImageMemberRules.requireRoomForOneMore(128, "i"));
        assertEquals(413, e.status());
        assertEquals("Image member limit exceeded for image i: The limit has been exceeded on the number of allowed "
                + "image members for this image. Attempted: 129, Maximum: 128:", e.getMessage());
    }

    @Test
    void aMemberAnswersWithOneOfGlancesThreeStatuses() {
        assertEquals(MemberStatus.ACCEPTED, ImageMemberRules.requestedStatus("accepted"));
        assertEquals(MemberStatus.PENDING, ImageMemberRules.requestedStatus("pending"));
        for (String wrong : new String[] {"notavalidstatus", "all", "ACCEPTED", "1"}) {
            ApiException e = assertThrows(ApiException.class, () -> ImageMemberRules.requestedStatus(wrong));
            assertEquals(400, e.status());
            assertEquals("Incorrect request: Status must be \"pending\", \"accepted\" or \"rejected\".", e.getMessage());
        }
    }

    private static RequestContext caller(String project, String role) {
        return new RequestContext("req-1", "req-1", "user-" + project, project, List.of(role));
    }
}
