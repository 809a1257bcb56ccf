package io.windlass.zunimage.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.windlass.testing.ComputeHostRows;
import io.windlass.testing.ZunImageRows;
import io.windlass.zunimage.ZunImageStatus;
import io.windlass.zunimage.persistence.ZunImageEntity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Zun's image policies by default (zun/common/policies/image.py): a project member may search, and
 * nothing else; another project's image stays out of sight.
 */
@QuarkusTest
@TestProfile(ZunImagesMemberIT.MemberOfTeamA.class)
class ZunImagesMemberIT {
    /** Every request acts as a plain member (and reader) of project team-a. */
    public static class MemberOfTeamA implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("windlass.api.default-context.project-id", "team-a",
                    "windlass.api.default-context.user-id", "alice",
                    "windlass.api.default-context.roles", "member,reader");
        }
    }

    private static final String HOST = "member-image-host";
    private static final String IMAGES = "/container/v1/images";

    @Inject
    ComputeHostRows hosts;
    @Inject
    ZunImageRows rows;

    @Test
    void aMemberMaySearchButNotPullListShowOrDelete() {
        hosts.insertHostWithImages(HOST, List.of("busybox:latest"));
        long before = rows.count();
        given().contentType("application/json").body(Map.of("repo", "busybox", "host", HOST)).post(IMAGES).then()
                .statusCode(403).body("errors[0].code", equalTo("container.policy-not-authorized"))
                .body("errors[0].detail", equalTo("Policy doesn't allow image:pull to be performed."));
        assertEquals(before, rows.count(), "nothing written");
        given().get(IMAGES).then().statusCode(403)
                .body("errors[0].detail", equalTo("Policy doesn't allow image:get_all to be performed."));

        ZunImageEntity ours = rows.insert("team-a", "ours", "latest", HOST, ZunImageStatus.PULLED);
        ZunImageEntity theirs = rows.insert("team-b", "theirs", "latest", HOST, ZunImageStatus.PULLED);
        given().get(IMAGES + "/" + ours.uuid).then().statusCode(403)
                .body("errors[0].detail", equalTo("Policy doesn't allow image:get_one to be performed."));
        given().get(IMAGES + "/" + theirs.uuid).then().statusCode(404);
        given().delete(IMAGES + "/" + ours.uuid).then().statusCode(403)
                .body("errors[0].detail", equalTo("Policy doesn't allow image:delete to be performed."));
        assertTrue(rows.find(ours.uuid).isPresent());

        given().queryParam("image_driver", "glance").get(IMAGES + "/busybox/search").then().statusCode(200)
                .body("name", equalTo(List.of("busybox:latest")));
    }
}
