package io.windlass.system.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import io.windlass.system.ConsoleBrowser;
import io.windlass.system.Credentials;
import io.windlass.system.ServersApi;
import io.windlass.system.WindlassService;
import io.windlass.system.WindlassSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web console end to end in headless Chromium (Debian's, driven by playwright-core from the npm
 * registry) against the whole system, a real host and its engine: sign in, the host and its bars, a
 * container run through the page that turns Running, is stopped and deleted with every state arriving
 * by the watch stream (no reload: the token lives only in the page, so a reload would sign out), a boot
 * that finds no valid host explained per filter, and a member of another project who sees none of it.
 * Screenshots go to target/dashboard-screenshots; a blank page or a script error fails the test.
 */
class DashboardST {
    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots").toAbsolutePath();

    // the scheduler reads the hosts on every decision, so a host taken out of scheduling is out at once
    @RegisterExtension
    static final WindlassSystem system = new WindlassSystem()
            .withProperty(WindlassService.SCHEDULER, "windlass.scheduler.host-state-cache-ttl=0s");

    private final ServersApi admin = new ServersApi(system::adminToken, "compute 2.53");

    @Test
    void theConsoleFollowsARealContainerAndExplainsAFailedBootToItsProjectOnly() throws Exception {
        Credentials a = system.identity().onboard(system.adminToken(), "dash-a", "dash-a-user", "member");
        Credentials b = system.identity().onboard(system.adminToken(), "dash-b", "dash-b-user", "member");
        String host = system.agentHost();
        String base = WindlassSystem.apiUrl() + "/";
        try (ConsoleBrowser browser = ConsoleBrowser.start()) {
            List<String> sessions = new ArrayList<>();
            sessions.add("admin");
            signIn(browser, "admin", base, system.admin());

            JsonNode shown = browser.step("hosts", Map.of("session", "admin", "host", host,
                    "file", SCREENSHOTS.resolve("hosts.png").toString()));
            assertEquals("[\"up\",\"enabled\"]", shown.get("state").toString());
            assertEquals(3, shown.get("meters").asInt(), "CPU, memory and disk bars");
            assertEquals(List.of("CPU", "Memory", "Disk"), texts(shown.get("bars")).stream()
                    .map(t -> t.strip().split("\\s+")[0]).toList());

            // run through the page on the real host: Creating, then Running from the engine's report
            browser.step("createContainer", Map.of("session", "admin", "name", "dash-web"));
            assertTrue(browser.step("rowStatus", row("admin", "container", "dash-web", "Running")).asText()
                    .contains(host));
            screenshot(browser, "admin", "running");
            browser.step("act", Map.of("session", "admin", "kind", "container", "name", "dash-web", "action", "Stop"));
            browser.step("rowStatus", row("admin", "container", "dash-web", "Stopped"));
            JsonNode details = browser.step("details", Map.of("session", "admin", "kind", "container",
                    "name", "dash-web"));
            assertEquals("details-title", details.get("focused").asText());
            assertTrue(texts(details.get("actions")).containsAll(List.of("stop", "create")), details.toString());
            browser.step("act", Map.of("session", "admin", "kind", "container", "name", "dash-web",
                    "action", "Delete"));
            browser.step("rowGone", Map.of("session", "admin", "kind", "container", "name", "dash-web"));

            // a server booted through the page, powered off and on, deleted: each state from the real host
            browser.step("createServer", Map.of("session", "admin", "name", "dash-vm"));
            browser.step("rowStatus", row("admin", "server", "dash-vm", "ACTIVE"));
            browser.step("act", Map.of("session", "admin", "kind", "server", "name", "dash-vm", "action", "Stop"));
            browser.step("rowStatus", row("admin", "server", "dash-vm", "SHUTOFF"));
            browser.step("act", Map.of("session", "admin", "kind", "server", "name", "dash-vm", "action", "Start"));
            browser.step("rowStatus", row("admin", "server", "dash-vm", "ACTIVE"));
            browser.step("act", Map.of("session", "admin", "kind", "server", "name", "dash-vm", "action", "Delete"));
            browser.step("rowGone", Map.of("session", "admin", "kind", "server", "name", "dash-vm"));

            // the only host taken out of scheduling: project A's boot finds none, and says why
            String service = admin.request().queryParam("host", host).get("/os-services").jsonPath()
                    .getString("services.find { it.binary == 'nova-compute' }.id");
            setService(service, "disabled");
            try {
                ServersApi member = new ServersApi(() -> system.identity().issueToken(a), "compute 2.53");
                Response boot = member.request().body(Map.of("server", Map.of("name", "dash-nohost",
                        "flavorRef", "1", "imageRef", member.imageId("busybox:latest"), "networks", "none")))
                        .post("/servers");
                assertEquals(202, boot.statusCode(), boot.asString());
                member.awaitStatus(boot.jsonPath().getString("server.id"), "ERROR");
            } finally {
                setService(service, "enabled");
            }
            JsonNode explained = browser.step("noValidHost", Map.of("session", "admin", "kind", "server",
                    "name", "dash-nohost"));
            assertEquals(List.of("ComputeFilter removed 1 of 1"), texts(explained.get("filters")));
            screenshot(browser, "admin", "novalidhost");

            sessions.add("member-a");
            signIn(browser, "member-a", base, a);
            assertEquals(List.of("ComputeFilter removed 1 of 1"), texts(browser.step("noValidHost",
                    Map.of("session", "member-a", "kind", "server", "name", "dash-nohost")).get("filters")));
            assertFalse(browser.step("text", Map.of("session", "member-a")).asText().contains("Hosts\n"),
                    "a member has no hosts view");

            sessions.add("member-b");
            signIn(browser, "member-b", base, b);
            String other = browser.step("text", Map.of("session", "member-b")).asText();
            assertTrue(other.contains("No servers."), other);
            assertFalse(other.contains("dash-nohost"), other);
            screenshot(browser, "member-b", "other-project");

            for (String s : sessions) {
                assertFalse(browser.step("text", Map.of("session", s)).asText().isBlank(), s + ": blank page");
                assertEquals("[]", browser.step("errors", Map.of("session", s)).toString(), s + ": script errors");
            }
        }
    }

    private static void signIn(ConsoleBrowser browser, String session, String base, Credentials who) {
        browser.step("signIn", Map.of("session", session, "baseUrl", base, "user", who.user(),
                "password", who.password(), "project", who.project()));
    }

    /** Nova 2.53's os-services update: an operator takes the host out of scheduling and puts it back. */
    private void setService(String id, String status) {
        Response changed = admin.request().body(Map.of("status", status)).put("/os-services/" + id);
        assertEquals(200, changed.statusCode(), changed.asString());
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
}
