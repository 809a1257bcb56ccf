package io.windlass.servergroup.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.windlass.testing.Keystone;
import io.windlass.testing.RealTokens;
import io.windlass.testing.ServerRows;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Nova's {@code os-server-groups} with real tokens: the create body and view of each microversion
 * range (policies and metadata before 2.64, policy and rules from it, the owner from 2.13, the soft
 * policies from 2.15), Nova's answers to bad input, the policies of each persona, both quotas, and
 * servers joining a group with the scheduler hint {@code group} and leaving it when deleted.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class ServerGroupsIT {
    private static final String GROUPS = "/compute/v2.1/os-server-groups";

    @Inject
    ServerRows rows;
    @Inject
    EntityManager em;

    private String admin;
    private String project;
    private String member;
    private String memberId;
    private String reader;
    private String stranger;

    @BeforeEach
    void aProjectWithAMemberAndAReaderAndAnotherProject() {
        admin = Keystone.adminToken();
        String name = Keystone.unique("sg");
        project = Keystone.createProject(admin, name);
        memberId = Keystone.createUser(admin, name, "pw", project, "member");
        member = Keystone.token(name, "pw", name);
        Keystone.createUser(admin, name + "-r", "pw", project, "reader");
        reader = Keystone.token(name + "-r", "pw", name);
        String otherName = Keystone.unique("sg-other");
        String otherProject = Keystone.createProject(admin, otherName);
        Keystone.createUser(admin, otherName, "pw", otherProject, "member");
        stranger = Keystone.token(otherName, "pw", otherName);
        rows.hostWithImage("host-sg");
    }

    private static ValidatableResponse api(String token, String version, String method, String path, Object body) {
        var request = given().header("X-Auth-Token", token).header("OpenStack-API-Version", "compute " + version)
                .contentType("application/json");
        if (body != null) {
            request = request.body(body);
        }
        return request.when().request(method, path).then();
    }

    private static Map<String, Object> group(Object... fields) {
        Map<String, Object> g = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            g.put((String) fields[i], fields[i + 1]);
        }
        return Map.of("server_group", g);
    }

    private String create(String token, String version, Object... fields) {
        return api(token, version, "POST", GROUPS, group(fields)).statusCode(200).extract().path("server_group.id");
    }

    @Test
    void eachMicroversionRangeHasItsBodyAndView() {
        String legacy = api(member, "2.1", "POST", GROUPS, group("name", "legacy", "policies", List.of("anti-affinity")))
                .statusCode(200)
                .body("server_group.name", equalTo("legacy"))
                .body("server_group.policies", equalTo(List.of("anti-affinity")))
                .body("server_group.metadata", equalTo(Map.of()))
                .body("server_group.members", equalTo(List.of()))
                .body("server_group", allOf(not(hasKey("project_id")), not(hasKey("policy")), not(hasKey("rules"))))
                .extract().path("server_group.id");
        api(member, "2.13", "GET", GROUPS + "/" + legacy, null).statusCode(200)
                .body("server_group.project_id", equalTo(project)).body("server_group.user_id", equalTo(memberId));
        api(member, "2.64", "GET", GROUPS + "/" + legacy, null).statusCode(200)
                .body("server_group.policy", equalTo("anti-affinity")).body("server_group.rules", equalTo(Map.of()))
                .body("server_group", allOf(not(hasKey("policies")), not(hasKey("metadata"))));

        // the soft policies come with 2.15
        api(member, "2.14", "POST", GROUPS, group("name", "soft", "policies", List.of("soft-affinity"))).statusCode(400)
                .body("badRequest.message", allOf(containsString("policies"),
                        containsString("'soft-affinity' is not one of ['anti-affinity', 'affinity']")));
        api(member, "2.15", "POST", GROUPS, group("name", "soft", "policies", List.of("soft-affinity"))).statusCode(200)
                .body("server_group.policies", equalTo(List.of("soft-affinity")));

        // 2.64: one policy and its rules
        String ruled = api(member, "2.64", "POST", GROUPS, group("name", "ruled", "policy", "anti-affinity",
                "rules", Map.of("max_server_per_host", 2))).statusCode(200)
                .body("server_group.policy", equalTo("anti-affinity"))
                .body("server_group.rules", equalTo(Map.of("max_server_per_host", 2)))
                .body("server_group.project_id", equalTo(project))
                .body("server_group", allOf(not(hasKey("policies")), not(hasKey("metadata"))))
                .extract().path("server_group.id");
        api(member, "2.63", "GET", GROUPS + "/" + ruled, null).statusCode(200)
                .body("server_group.policies", equalTo(List.of("anti-affinity")));
        api(member, "2.64", "POST", GROUPS, group("name", "a", "policy", "affinity", "rules", Map.of()))
                .statusCode(200).body("server_group.rules", equalTo(Map.of()));
        api(member, "2.64", "POST", GROUPS, group("name", "a", "policy", "affinity",
                "rules", Map.of("max_server_per_host", "3"))).statusCode(400)
                .body("badRequest.message", equalTo("Only anti-affinity policy supports rules."));

        // the list, in creation order, sliced by offset and limit
        api(member, "2.64", "GET", GROUPS, null).statusCode(200)
                .body("server_groups.name", equalTo(List.of("legacy", "soft", "ruled", "a")));
        api(member, "2.64", "GET", GROUPS + "?offset=1&limit=2", null).statusCode(200)
                .body("server_groups.name", equalTo(List.of("soft", "ruled")));
        api(member, "2.64", "GET", GROUPS + "?limit=9&limit=1", null).statusCode(200)
                .body("server_groups.name", equalTo(List.of("legacy")));
        api(member, "2.64", "GET", GROUPS + "?limit=0&offset=3", null).statusCode(200)
                .body("server_groups.name", equalTo(List.of("a")));
        api(member, "2.1", "GET", GROUPS, null).statusCode(200)
                .body("server_groups[0].policies", equalTo(List.of("anti-affinity")))
                .body("server_groups[0]", not(hasKey("project_id")));

        api(member, "2.1", "DELETE", GROUPS + "/" + legacy, null).statusCode(204);
        api(member, "2.1", "GET", GROUPS + "/" + legacy, null).statusCode(404)
                .body("itemNotFound.message", equalTo("Instance group " + legacy + " could not be found."));
        api(member, "2.1", "DELETE", GROUPS + "/" + legacy, null).statusCode(404);
        api(member, "2.1", "GET", GROUPS + "/not-a-uuid", null).statusCode(404);
    }

    @Test
    void badInputIsA400NamingTheField() {
        api(member, "2.1", "POST", GROUPS, group("policies", List.of("affinity"))).statusCode(400)
                .body("badRequest.message", containsString("'name' is a required property"));
        api(member, "2.1", "POST", GROUPS, group("name", "x")).statusCode(400)
                .body("badRequest.message", containsString("'policies' is a required property"));
        api(member, "2.1", "POST", GROUPS, group("name", "x", "policies", List.of())).statusCode(400)
                .body("badRequest.message", allOf(containsString("server_group/policies"),
                        containsString("[] is too short")));
        api(member, "2.1", "POST", GROUPS, group("name", "x", "policies", List.of("affinity", "anti-affinity")))
                .statusCode(400).body("badRequest.message", containsString("policies"));
        api(member, "2.1", "POST", GROUPS, group("name", "x", "policies", List.of("legacy"))).statusCode(400)
                .body("badRequest.message", containsString("'legacy' is not one of"));
        api(member, "2.1", "POST", GROUPS, group("name", " x", "policies", List.of("affinity"))).statusCode(400)
                .body("badRequest.message", containsString("server_group/name"));
        api(member, "2.1", "POST", GROUPS, group("name", "x".repeat(256), "policies", List.of("affinity")))
                .statusCode(400).body("badRequest.message", containsString("is too long"));
        api(member, "2.1", "POST", GROUPS, group("name", "x", "policies", List.of("affinity"), "policy", "affinity"))
                .statusCode(400).body("badRequest.message", containsString("'policy' was unexpected"));
        // jsonschema's order, as Nova's first error: required before additionalProperties
        api(member, "2.64", "POST", GROUPS, group("name", "x", "policies", List.of("affinity"))).statusCode(400)
                .body("badRequest.message", containsString("'policy' is a required property"));
        api(member, "2.64", "POST", GROUPS, group("name", "x", "policy", "affinity", "policies", List.of("affinity")))
                .statusCode(400).body("badRequest.message", containsString("'policies' was unexpected"));
        api(member, "2.64", "POST", GROUPS, group("name", "x")).statusCode(400)
                .body("badRequest.message", containsString("'policy' is a required property"));
        api(member, "2.64", "POST", GROUPS, group("name", "x", "policy", "anti-affinity",
                "rules", Map.of("max_server_per_host", 0))).statusCode(400)
                .body("badRequest.message", allOf(containsString("server_group/rules/max_server_per_host"),
                        containsString("0 is less than the minimum of 1")));
        api(member, "2.64", "POST", GROUPS, group("name", "x", "policy", "anti-affinity",
                "rules", Map.of("max_servers", 2))).statusCode(400)
                .body("badRequest.message", containsString("'max_servers' was unexpected"));
        api(member, "2.1", "POST", GROUPS, Map.of("server_group", Map.of("name", "x", "policies", List.of("affinity")),
                "extra", 1)).statusCode(400).body("badRequest.message", containsString("'extra' was unexpected"));
        api(member, "2.1", "GET", GROUPS + "?limit=-1", null).statusCode(400)
                .body("badRequest.message", containsString("limit"));
        api(member, "2.1", "GET", GROUPS + "?offset=x", null).statusCode(400)
                .body("badRequest.message", containsString("offset"));
        // unknown parameters: ignored before 2.75, refused from it
        api(member, "2.74", "GET", GROUPS + "?foo=1", null).statusCode(200);
        api(member, "2.75", "GET", GROUPS + "?foo=1", null).statusCode(400)
                .body("badRequest.message", containsString("'foo' was unexpected"));
        // nothing was made by any of them
        api(member, "2.1", "GET", GROUPS, null).statusCode(200).body("server_groups", equalTo(List.of()));
    }

    @Test
    void readersLookMembersChangeOtherProjectsSeeNothingAdminsSeeAll() {
        api(reader, "2.64", "POST", GROUPS, group("name", "r", "policy", "affinity")).statusCode(403);
        String mine = create(member, "2.64", "name", "mine", "policy", "affinity");
        String theirs = create(stranger, "2.64", "name", "theirs", "policy", "affinity");

        api(reader, "2.64", "GET", GROUPS, null).statusCode(200).body("server_groups.id", equalTo(List.of(mine)));
        api(reader, "2.64", "GET", GROUPS + "/" + mine, null).statusCode(200);
        api(reader, "2.64", "DELETE", GROUPS + "/" + mine, null).statusCode(403);

        // another project's group does not exist for them, all_projects or not
        api(stranger, "2.64", "GET", GROUPS + "/" + mine, null).statusCode(404);
        api(stranger, "2.64", "DELETE", GROUPS + "/" + mine, null).statusCode(404);
        api(stranger, "2.64", "GET", GROUPS + "?all_projects=True", null).statusCode(200)
                .body("server_groups.id", equalTo(List.of(theirs)));

        // an admin lists their own project's, every project's with all_projects (any value), and sees any
        api(admin, "2.64", "GET", GROUPS, null).statusCode(200)
                .body("server_groups.id", allOf(not(hasItem(mine)), not(hasItem(theirs))));
        api(admin, "2.64", "GET", GROUPS + "?all_projects=0", null).statusCode(200)
                .body("server_groups.id", allOf(hasItem(mine), hasItem(theirs)));
        api(admin, "2.64", "GET", GROUPS + "/" + theirs, null).statusCode(200)
                .body("server_group.name", equalTo("theirs"));
        api(admin, "2.64", "DELETE", GROUPS + "/" + theirs, null).statusCode(204);
        api(member, "2.64", "DELETE", GROUPS + "/" + mine, null).statusCode(204);
    }

    @Test
    void theServerGroupsQuotaCountsTheProjectsGroups() {
        setQuota("server_groups", 1);
        create(member, "2.64", "name", "one", "policy", "affinity");
        api(member, "2.64", "POST", GROUPS, group("name", "two", "policy", "affinity")).statusCode(403)
                .body("forbidden.message", equalTo("Quota exceeded, too many server groups."));
        api(member, "2.64", "GET", GROUPS, null).statusCode(200).body("server_groups.size()", equalTo(1));
        api(member, "2.1", "GET", "/compute/v2.1/limits", null).statusCode(200)
                .body("limits.absolute.maxServerGroups", equalTo(1))
                .body("limits.absolute.totalServerGroupsUsed", equalTo(1));
        api(member, "2.1", "GET", "/compute/v2.1/os-quota-sets/" + project + "/detail", null).statusCode(200)
                .body("quota_set.server_groups.in_use", equalTo(1));
    }

    @Test
    void aServerBootedIntoAGroupIsItsMemberUntilItIsDeleted() {
        String gid = create(member, "2.64", "name", "web", "policy", "anti-affinity");
        String first = boot(gid).statusCode(202).extract().path("server.id");
        String second = boot(gid).statusCode(202).extract().path("server.id");
        api(member, "2.64", "GET", GROUPS + "/" + gid, null).statusCode(200)
                .body("server_group.members", equalTo(List.of(first, second)));
        // the hint goes to the scheduler with the server's others
        assertHint(first, gid);

        // server_groups in the server from 2.71, on show only
        api(member, "2.71", "GET", "/compute/v2.1/servers/" + first, null).statusCode(200)
                .body("server.server_groups", equalTo(List.of(gid)));
        api(member, "2.70", "GET", "/compute/v2.1/servers/" + first, null).statusCode(200)
                .body("server", not(hasKey("server_groups")));
        api(member, "2.71", "GET", "/compute/v2.1/servers/detail", null).statusCode(200)
                .body("servers[0]", not(hasKey("server_groups")));
        String alone = bootWith(Map.of()).statusCode(202).extract().path("server.id");
        api(member, "2.71", "GET", "/compute/v2.1/servers/" + alone, null).statusCode(200)
                .body("server.server_groups", equalTo(List.of()));

        // a server without a host is deleted at once; one on a host when the conductor soft-deletes it
        api(member, "2.64", "DELETE", "/compute/v2.1/servers/" + first, null).statusCode(204);
        rows.set(second, "host = 'host-sg', vm_state = 'active'");
        api(member, "2.64", "DELETE", "/compute/v2.1/servers/" + second, null).statusCode(204);
        api(member, "2.64", "GET", GROUPS + "/" + gid, null).statusCode(200)
                .body("server_group.members", equalTo(List.of(second)));
        rows.set(second, "vm_state = 'deleted', task_state = null, deleted_at = now()");
        api(member, "2.64", "GET", GROUPS + "/" + gid, null).statusCode(200)
                .body("server_group.members", equalTo(List.of()));

        // deleting the group leaves its servers in none
        String third = boot(gid).statusCode(202).extract().path("server.id");
        api(member, "2.64", "DELETE", GROUPS + "/" + gid, null).statusCode(204);
        api(member, "2.71", "GET", "/compute/v2.1/servers/" + third, null).statusCode(200)
                .body("server.server_groups", equalTo(List.of()));
    }

    @Test
    void aGroupTheCallerCannotSeeOrAMalformedHintIsA400() {
        String theirs = create(stranger, "2.64", "name", "theirs", "policy", "affinity");
        String unknown = UUID.randomUUID().toString();
        boot(unknown).statusCode(400)
                .body("badRequest.message", equalTo("Instance group " + unknown + " could not be found."));
        boot(theirs).statusCode(400)
                .body("badRequest.message", equalTo("Instance group " + theirs + " could not be found."));
        bootWith(Map.of("group", "web")).statusCode(400)
                .body("badRequest.message", allOf(containsString("os:scheduler_hints/group"),
                        containsString("'web' is not a 'uuid'")));
        api(member, "2.64", "GET", "/compute/v2.1/servers", null).statusCode(200)
                .body("servers", equalTo(List.of()));
    }

    @Test
    void theMembersQuotaRefusesABootThatWouldOverfillTheGroupWhole() {
        setQuota("server_group_members", 2);
        String gid = create(member, "2.64", "name", "small", "policy", "soft-anti-affinity");
        String first = boot(gid).statusCode(202).extract().path("server.id");
        api(member, "2.64", "POST", "/compute/v2.1/servers", Map.of("server", Map.of("name", "two", "flavorRef", "0",
                "imageRef", ServerRows.IMAGE_ID, "networks", "none", "min_count", 2),
                "os:scheduler_hints", Map.of("group", List.of(gid)))).statusCode(403)
                .body("forbidden.message", equalTo("Quota exceeded, too many servers in group"));
        // nothing of the refused boot is left: no server, no member
        api(member, "2.64", "GET", "/compute/v2.1/servers", null).statusCode(200)
                .body("servers.id", equalTo(List.of(first)));
        String second = boot(gid).statusCode(202).extract().path("server.id");
        boot(gid).statusCode(403).body("forbidden.message", equalTo("Quota exceeded, too many servers in group"));
        api(member, "2.64", "GET", GROUPS + "/" + gid, null).statusCode(200)
                .body("server_group.members", equalTo(List.of(first, second)));
        // a deleted member gives its place back
        api(member, "2.64", "DELETE", "/compute/v2.1/servers/" + first, null).statusCode(204);
        boot(gid).statusCode(202);
    }

    private ValidatableResponse boot(String group) {
        return bootWith(Map.of("group", group));
    }

    private ValidatableResponse bootWith(Map<String, Object> hints) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("server", Map.of("name", "member", "flavorRef", "0", "imageRef", ServerRows.IMAGE_ID,
                "networks", "none"));
        body.put("os:scheduler_hints", hints);
        return api(member, "2.64", "POST", "/compute/v2.1/servers", body);
    }

    private void setQuota(String key, int limit) {
        api(admin, "2.1", "PUT", "/compute/v2.1/os-quota-sets/" + project, Map.of("quota_set", Map.of(key, limit)))
                .statusCode(200);
    }

    private void assertHint(String server, String group) {
        Object hints = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT CAST(scheduler_hints -> 'group' AS text) FROM servers WHERE uuid = CAST(:id AS uuid)")
                .setParameter("id", server).getSingleResult());
        assertEquals("[\"" + group + "\"]", hints);
    }
}
