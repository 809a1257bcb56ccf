package io.windlass.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.windlass.server.VmState;
import io.windlass.testing.ConsoleBrowser;
import io.windlass.testing.ContainerRows;
import io.windlass.testing.ProjectMember;
import io.windlass.testing.RealTokens;
import io.windlass.testing.ServerRows;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web console end to end in headless Chromium against this api-service, its real database and
 * broker: sign in, the hosts' bars, a container created through the page whose row arrives and
 * changes through the watch stream while the database is changed as the conductor would change it
 * (no reload: the token lives only in the page's memory, so a reload would sign out), a failed
 * boot's NoValidHost explained per filter, and a member of another project who sees none of it.
 * Screenshots go to target/dashboard-screenshots; a blank page or a script error fails the test.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class DashboardIT {
    static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots").toAbsolutePath();
    static final String HOST = "dash-host-1";
    static final String NO_VALID_HOST = "No valid host was found. There are not enough hosts available. "
            + "2 hosts: ComputeFilter removed 1 of 2; ResourceFilter removed 1 of 1";

    @TestHTTPResource("/")
    URI base;
    @Inject
    ContainerRows containers;
    @Inject
    ServerRows servers;
    @Inject
    EntityManager em;

    @Test
    void theConsoleShowsHostsAndFollowsAContainerAndAFailedBootLiveForItsProjectOnly() throws Exception {
        ProjectMember a = ProjectMember.create("dash-a");
        ProjectMember b = ProjectMember.create("dash-b");
        hostInAZone();
        try (ConsoleBrowser browser = ConsoleBrowser.start()) {
            List<String> sessions = new ArrayList<>();
            sessions.add("admin");
            browser.step("signIn", Map.of("session", "admin", "baseUrl", base.toString(), "user", "admin",
                    "password", RealTokens.ADMIN_PASSWORD, "project", "admin"));
            assertTrue(browser.step("text", Map.of("session", "admin")).asText().contains("in project admin"));

            JsonNode host = browser.step("hosts", Map.of("session", "admin", "host", HOST,
                    "file", SCREENSHOTS.resolve("hosts.png").toString()));
            assertEquals("[\"up\",\"enabled\"]", host.get("state").toString());
            assertEquals(3, host.get("meters").asInt());
            assertEquals(List.of("CPU\n16 of 64 vCPUs", "Memory\n65536 of 262144 MiB", "Disk\n250 of 1000 GiB"),
                    texts(host.get("bars")).stream().map(t -> t.replaceAll("\\s*\\n\\s*", "\n").trim()).toList());
            assertTrue(host.get("aggregates").asText().contains("dash-agg"), host.toString());
            assertTrue(host.get("zones").asText().contains("dash-zone"), host.toString());

            // the row comes from the watch stream: the page adds nothing from the create's answer
            browser.step("createContainer", Map.of("session", "admin", "name", "dash-web"));
            browser.step("rowStatus", row("admin", "container", "dash-web", "Creating"));
            UUID web = uuidOf("containers", "dash-web");
            containers.writeAsConductor(web, "host = '" + HOST + "', status = 'Created', task_state = NULL");
            act(browser, "container", "dash-web", "Start", "container_starting");
            containers.writeAsConductor(web, "status = 'Running', task_state = NULL");
            assertTrue(browser.step("rowStatus", row("admin", "container", "dash-web", "Running")).asText()
                    .contains(HOST));
            screenshot(browser, "admin", "running");
            act(browser, "container", "dash-web", "Stop", "container_stopping");
            containers.writeAsConductor(web, "status = 'Stopped', task_state = NULL");
            browser.step("rowStatus", row("admin", "container", "dash-web", "Stopped"));
            JsonNode details = browser.step("details", Map.of("session", "admin", "kind", "container",
                    "name", "dash-web"));
            assertEquals("details-title", details.get("focused").asText());
            assertTrue(details.get("fields").asText().contains(web.toString()), details.toString());
            assertEquals(List.of("stop", "start", "create"), texts(details.get("actions")));
            act(browser, "container", "dash-web", "Delete", "container_deleting");
            sql("DELETE FROM containers WHERE uuid = '" + web + "'"); // the conductor, once the host reported it gone
            browser.step("rowGone", Map.of("session", "admin", "kind", "container", "name", "dash-web"));

            browser.step("createServer", Map.of("session", "admin", "name", "dash-vm"));
            browser.step("rowStatus", row("admin", "server", "dash-vm", "BUILD"));
            UUID vm = uuidOf("servers", "dash-vm");
            servers.set(vm.toString(), "host = '" + HOST + "', vm_state = 'active', power_state = 1, task_state = NULL");
            browser.step("rowStatus", row("admin", "server", "dash-vm", "ACTIVE"));
            act(browser, "server", "dash-vm", "Stop", "powering-off");
            servers.set(vm.toString(), "vm_state = 'stopped', power_state = 4, task_state = NULL");
            browser.step("rowStatus", row("admin", "server", "dash-vm", "SHUTOFF"));
            act(browser, "server", "dash-vm", "Start", "powering-on");
            servers.set(vm.toString(), "vm_state = 'active', power_state = 1, task_state = NULL");
            browser.step("rowStatus", row("admin", "server", "dash-vm", "ACTIVE"));
            act(browser, "server", "dash-vm", "Delete", "deleting");
            servers.set(vm.toString(), "vm_state = 'deleted', deleted_at = now(), task_state = NULL");
            browser.step("rowGone", Map.of("session", "admin", "kind", "server", "name", "dash-vm"));

            servers.insert(a.project(), null, VmState.ERROR, s -> {
                s.name = "dash-nohost";
                s.fault = Map.of("code", 500, "message", NO_VALID_HOST, "created", "2026-12-05T00:00:00Z");
            });
            JsonNode explained = browser.step("noValidHost", Map.of("session", "admin", "kind", "server",
                    "name", "dash-nohost"));
            assertEquals(List.of("ComputeFilter removed 1 of 2", "ResourceFilter removed 1 of 1"),
                    texts(explained.get("filters")));
            assertEquals("No valid host among 2 hosts:", explained.get("heading").asText());
            screenshot(browser, "admin", "novalidhost");

            sessions.add("member-a");
            browser.step("signIn", Map.of("session", "member-a", "baseUrl", base.toString(),
                    "user", a.projectName(), "password", "pw", "project", a.projectName()));
            assertEquals(List.of("ComputeFilter removed 1 of 2", "ResourceFilter removed 1 of 1"),
                    texts(browser.step("noValidHost", Map.of("session", "member-a", "kind", "server",
                            "name", "dash-nohost")).get("filters")));
            String memberPage = browser.step("text", Map.of("session", "member-a")).asText();
            assertFalse(memberPage.contains("Hosts\n"), "a member has no hosts view");

            sessions.add("member-b");
            browser.step("signIn", Map.of("session", "member-b", "baseUrl", base.toString(),
                    "user", b.projectName(), "password", "pw", "project", b.projectName()));
            String other = browser.step("text", Map.of("session", "member-b")).asText();
            assertTrue(other.contains("No servers."), other);
            assertFalse(other.contains("dash-nohost"), other);
            // live changes are filtered too: A's new server is committed before B's own, so once B's
            // arrived, A's would have been shown if B's stream carried it
            servers.insert(a.project(), HOST, VmState.ACTIVE, s -> s.name = "dash-a-later");
            servers.insert(b.project(), HOST, VmState.ACTIVE, s -> s.name = "dash-b-own");
            browser.step("rowStatus", row("member-b", "server", "dash-b-own", "ACTIVE"));
            assertEquals("[\"dash-b-own\"]", browser.step("names", Map.of("session", "member-b", "kind", "server"))
                    .toString());
            screenshot(browser, "member-b", "other-project");

            for (String s : sessions) {
                assertFalse(browser.step("text", Map.of("session", s)).asText().isBlank(), s + ": blank page");
                assertEquals("[]", browser.step("errors", Map.of("session", s)).toString(), s + ": script errors");
            }
        }
    }

    @Test
    void theConsoleIsServedFromTheJarWithAPolicyThatKeepsItToItsOrigin() {
        given().redirects().follow(false).when().get("/dashboard").then().statusCode(301)
                .header("Location", "/dashboard/");
        String page = given().when().get("/dashboard/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("connect-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Cache-Control", "no-cache")
                .extract().asString();
        String script = page.replaceAll("(?s).*<script type=\"module\" crossorigin src=\"([^\"]+)\".*", "$1");
        assertTrue(script.startsWith("/dashboard/assets/"), page);
        // no font, script or style from elsewhere
        assertFalse(page.contains("http://") || page.contains("https://"), page);
        given().when().get(script).then().statusCode(200)
                .header("Cache-Control", containsString("immutable"))
                .body(containsString("X-Auth-Token"));
    }

    private void hostInAZone() {
        servers.hostWithImage(HOST);
        sql("UPDATE compute_hosts SET vcpus_used = 16, memory_mb_used = 65536, disk_gb_used = 250 WHERE host = '"
                + HOST + "'");
        String admin = io.windlass.testing.Keystone.adminToken();
        int aggregate = given().header("X-Auth-Token", admin).contentType("application/json")
                .body("{\"aggregate\": {\"name\": \"dash-agg\", \"availability_zone\": \"dash-zone\"}}")
                .when().post("/compute/v2.1/os-aggregates").then().statusCode(200).extract().path("aggregate.id");
        given().header("X-Auth-Token", admin).contentType("application/json")
                .body("{\"add_host\": {\"host\": \"" + HOST + "\"}}")
                .when().post("/compute/v2.1/os-aggregates/" + aggregate + "/action").then().statusCode(200);
    }

    private static Map<String, String> row(String session, String kind, String name, String status) {
        return Map.of("session", session, "kind", kind, "name", name, "status", status);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static void screenshot(ConsoleBrowser browser, String session, String name) {
        browser.step("screenshot", Map.of("session", session, "file", SCREENSHOTS.resolve(name + ".png").toString()));
    }

    /** Clicks the row's action and waits for the task state the api-service writes for it. */
    private static void act(ConsoleBrowser browser, String kind, String name, String action, String taskState) {
        browser.step("act", Map.of("session", "admin", "kind", kind, "name", name, "action", action));
        browser.step("rowShows", Map.of("session", "admin", "kind", kind, "name", name, "text", taskState));
    }

    private UUID uuidOf(String table, String name) {
        return QuarkusTransaction.requiringNew().call(() -> (UUID) em.createNativeQuery(
                "SELECT uuid FROM " + table + " WHERE name = :name").setParameter("name", name).getSingleResult());
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }
}
