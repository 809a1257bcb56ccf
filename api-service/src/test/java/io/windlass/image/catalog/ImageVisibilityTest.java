package io.windlass.image.catalog;

import io.windlass.api.error.InvalidInputException;
import io.windlass.context.RequestContext;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static io.windlass.image.catalog.MemberStatus.ACCEPTED;
import static io.windlass.image.catalog.MemberStatus.PENDING;
import static io.windlass.image.catalog.MemberStatus.REJECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageVisibilityTest {
    private static final RequestContext OWNER = caller("owner", "member");
    private static final RequestContext OTHER = caller("other", "member");
    private static final RequestContext ADMIN = caller("admin-project", "admin");

    @Test
    void aSharedImageIsShownToItsMembersWhateverTheyAnswered() {
        for (MemberStatus status : MemberStatus.values()) {
            assertTrue(ImageVisibility.visible(OTHER, "owner", "shared", status), status.value());
        }
        assertFalse(ImageVisibility.visible(OTHER, "owner", "shared", null));
        assertTrue(ImageVisibility.visible(OWNER, "owner", "shared", null));
        assertTrue(ImageVisibility.visible(ADMIN, "owner", "private", null));
        assertTrue(ImageVisibility.visible(OTHER, "owner", "public", null));
    }

    @Test
    void aMembershipOfAnImageNoLongerSharedShowsNothing() {
        assertFalse(ImageVisibility.visible(OTHER, "owner", "private", ACCEPTED));
        assertFalse(ImageVisibility.listed(OTHER, "owner", "private", ACCEPTED, EnumSet.allOf(MemberStatus.class)));
    }

    @Test
    void theListShowsAMembersImageOnlyWithTheStatusAskedFor() {
        Set<MemberStatus> byDefault = MemberStatus.listed(null);
        assertTrue(ImageVisibility.listed(OTHER, "owner", "shared", ACCEPTED, byDefault));
        assertFalse(ImageVisibility.listed(OTHER, "owner", "shared", PENDING, byDefault));
        assertFalse(ImageVisibility.listed(OTHER, "owner", "shared", REJECTED, byDefault));
        assertTrue(ImageVisibility.listed(OTHER, "owner", "shared", PENDING, MemberStatus.listed("pending")));
        assertFalse(ImageVisibility.listed(OTHER, "owner", "shared", ACCEPTED, MemberStatus.listed("pending")));
        assertTrue(ImageVisibility.listed(OTHER, "owner", "shared", REJECTED, MemberStatus.listed("all")));
        // the owner's and an admin's lists do not depend on any membership
        assertTrue(ImageVisibility.listed(OWNER, "owner", "shared", null, MemberStatus.listed("rejected")));
        assertTrue(ImageVisibility.listed(ADMIN, "owner", "shared", null, MemberStatus.listed("rejected")));
    }

    @Test
    void memberStatusTakesGlancesValuesOnly() {
        assertEquals(EnumSet.of(ACCEPTED), MemberStatus.listed(null));
        assertEquals(EnumSet.allOf(MemberStatus.class), MemberStatus.listed("all"));
        assertEquals(EnumSet.of(REJECTED), MemberStatus.listed("rejected"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> MemberStatus.listed("Accepted"));
        assertEquals(400, e.status());
        assertEquals("Invalid status: Accepted", e.getMessage());
    }

    @Test
    void glancesMemberIsTheCallerOnlyOnAnotherProjectsSharedImage() {
        assertEquals("other", ImageVisibility.memberOf(OTHER, "owner", "shared"));
        assertNull(ImageVisibility.memberOf(OWNER, "owner", "shared"));
        assertNull(ImageVisibility.memberOf(OTHER, "owner", "private"));
        assertNull(ImageVisibility.memberOf(OTHER, "owner", "public"));
    }

    private static RequestContext caller(String project, String role) {
        return new RequestContext("req-1", "req-1", "user-" + project, project, List.of(role));
    }
}
