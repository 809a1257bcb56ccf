package io.windlass.system.clients;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import io.windlass.system.ContainersApi;
import io.windlass.system.DockerCli;
import io.windlass.system.OpenStackCli;
import io.windlass.system.Poller;
import io.windlass.system.WindlassSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a container user does every day after {@code openstack appcontainer run}, through the Debian
 * {@code openstack} CLI (python-zunclient) against a deployed Windlass, each command's output checked
 * and the engine side looked at: logs with their filters, exec with its exit code, cp both ways,
 * kill with a signal, the action log, and the create options {@code --mount}, {@code --expose-port},
 * {@code --healthcheck}, {@code --auto-remove} and {@code --auto-heal}; and the bad input a user
 * meets, each refused with Zun's error and nothing left behind.
 */
class AppcontainerCliST {
    @RegisterExtension
    static final WindlassSystem system = new WindlassSystem();

    private final OpenStackCli cli = new OpenStackCli(WindlassSystem.apiUrl() + "/v3", system.admin(),
            Path.of("target", "appcontainer-cli-home"));
    private final DockerCli docker = system.docker();
    private final ContainersApi api = system.containers();

    @Test
    void logsExecCopyKillAndTheActionLog(@TempDir Path local) throws IOException {
        String uuid = cli.json("appcontainer", "run", "-f", "json", "--name", "d1", "busybox", "sh", "-c",
                // a second between the lines: the engine orders two streams' lines by when it read them
                "echo one; sleep 1; echo two >&2; sleep 1; echo three; trap 'echo got-usr1' USR1; "
                        + "while true; do sleep 1; done")
                .path("uuid").asText();
        String engine = ContainersApi.engineName(uuid);
        awaitStatus("d1", "Running");

        String all = Poller.standard().until("d1's log", () -> cli.ok("appcontainer", "logs", "d1").stdout(),
                out -> out.contains("three"));
        assertEquals(List.of("one", "two", "three"), all.strip().lines().toList());
        assertEquals(List.of("one", "three"), cli.ok("appcontainer", "logs", "--stdout", "d1").stdout().strip()
                .lines().toList(), "stdout alone");
        assertEquals(List.of("two"), cli.ok("appcontainer", "logs", "--stderr", "d1").stdout().strip().lines()
                .toList(), "stderr alone");
        assertEquals("three", cli.ok("appcontainer", "logs", "--tail", "1", "d1").stdout().strip());
        String stamped = cli.ok("appcontainer", "logs", "--timestamps", "--tail", "1", "d1").stdout().strip();
        assertTrue(stamped.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+Z three"), stamped);
        String later = Long.toString(Instant.now().plusSeconds(3600).getEpochSecond());
        assertEquals("", cli.ok("appcontainer", "logs", "--since", later, "d1").stdout().strip(),
                "nothing was logged after an hour from now");

        // exec: the output printed, the command's exit code the CLI's own
        OpenStackCli.Result exec = cli.run("appcontainer", "exec", "d1", "sh", "-c", "echo out-$((6*7)); exit 3");
        assertEquals(3, exec.exitCode(), exec.toString());
        assertEquals("out-42", exec.stdout().strip());

        // top: python-zunclient 4.5.0's `appcontainer top` fails in the client itself under Python 3
        // (print("%-20s") % titles); the API it calls answers as Zun's
        Response top = api.request().get("/containers/d1/top");
        assertEquals(200, top.statusCode(), top.asString());
        assertTrue(top.jsonPath().getList("Titles").contains("PID"), top.asString());
        assertTrue(top.asString().contains("sleep 1") || top.asString().contains("while true"), top.asString());

        // cp into the container and back out of it
        Path file = Files.writeString(local.resolve("hello.txt"), "copied-in\n");
        cli.ok("appcontainer", "cp", file.toString(), "d1:/tmp");
        assertEquals("copied-in", docker.run("exec", engine, "cat", "/tmp/hello.txt").stdout().strip());
        assertTrue(docker.run("exec", engine, "sh", "-c", "echo made-inside > /tmp/inside.txt").ok());
        Path out = Files.createDirectory(local.resolve("out"));
        cli.ok("appcontainer", "cp", "d1:/tmp/inside.txt", out.toString());
        assertEquals("made-inside\n", Files.readString(out.resolve("inside.txt")));

        // a signal the process traps: it keeps running and says so
        OpenStackCli.Result kill = cli.ok("appcontainer", "kill", "--signal", "SIGUSR1", "d1");
        assertTrue(kill.stdout().contains("Request to send kill signal to container d1 has been accepted"),
                kill.toString());
        Poller.standard().until("the trap's line", () -> cli.ok("appcontainer", "logs", "--tail", "1", "d1")
                .stdout().strip(), "got-usr1"::equals);
        awaitStatus("d1", "Running");
        assertEquals("true", docker.inspectExisting(engine, "{{.State.Running}}"));

        JsonNode actions = cli.json("appcontainer", "action", "list", "-f", "json", "d1");
        List<String> names = new ArrayList<>();
        actions.forEach(a -> names.add(a.path("action").asText()));
        assertTrue(names.containsAll(List.of("create", "exec_cmd", "put_archive", "kill")), actions.toString());
        String killRequest = null;
        for (JsonNode a : actions) {
            if (a.path("action").asText().equals("kill")) {
                killRequest = a.path("request_id").asText();
            }
        }
        JsonNode shown = cli.json("appcontainer", "action", "show", "-f", "json", "d1", killRequest);
        assertEquals("kill", shown.path("action").asText(), shown.toString());
        assertEquals(uuid, shown.path("container_uuid").asText(), shown.toString());
        assertTrue(shown.path("events").toString().contains("compute__do_container_kill"), shown.toString());

        cli.ok("appcontainer", "delete", "--force", "d1");
    }

    @Test
    void badInputIsRefusedInZunsWordsAndLeavesNothing() {
        cli.json("appcontainer", "run", "-f", "json", "--name", "b1", "busybox", "sleep", "300");
        awaitStatus("b1", "Running");

        OpenStackCli.Result noCommand = cli.run("appcontainer", "exec", "b1");
        assertNotEquals(0, noCommand.exitCode(), noCommand.toString());
        assertTrue(noCommand.stderr().contains("command"), noCommand.toString());

        OpenStackCli.Result noSuchSignal = cli.ok("appcontainer", "kill", "--signal", "SIGNOPE", "b1");
        // the CLI prints the refusal and goes on with the next container
        assertTrue(noSuchSignal.stdout().contains("kill signal for container b1 failed")
                && noSuchSignal.stdout().contains("SIGNOPE"), noSuchSignal.toString());
        awaitStatus("b1", "Running");

        // not a tar archive: Zun's 400, nothing written into the container
        Response notTar = api.request().contentType("application/json")
                .body("{\"path\": \"/tmp\", \"data\": \"bm90IGEgdGFy\"}").post("/containers/b1/put_archive");
        assertEquals(400, notTar.statusCode(), notTar.asString());
        assertTrue(notTar.jsonPath().getString("errors[0].detail").contains("The data is not a tar archive"),
                notTar.asString());
        // Zun leaves the body's request_id empty; the id is the header's
        assertTrue(notTar.header("X-Openstack-Request-Id").startsWith("req-"), notTar.headers().toString());

        // a path that climbs above the container's root: refused, where the engine would clamp it to the root
        OpenStackCli.Result outside = cli.run("appcontainer", "cp", "b1:/../../etc/hostname", "/tmp");
        assertNotEquals(0, outside.exitCode(), outside.toString());
        assertTrue(outside.stderr().contains("climbs above the container's root file system"), outside.toString());

        cli.ok("appcontainer", "stop", "b1");
        awaitStatus("b1", "Stopped");
        OpenStackCli.Result stopped = cli.run("appcontainer", "exec", "b1", "ls");
        assertNotEquals(0, stopped.exitCode(), stopped.toString());
        assertTrue(stopped.stderr().contains("in Stopped state"), stopped.toString());

        int before = cli.json("appcontainer", "list", "-f", "json").size();
        OpenStackCli.Result noVolume = cli.run("appcontainer", "run", "-f", "json", "--name", "b2", "--mount",
                "source=st-no-such-volume,destination=/data", "busybox", "sleep", "300");
        assertNotEquals(0, noVolume.exitCode(), noVolume.toString());
        assertTrue(noVolume.stderr().contains("Volume st-no-such-volume could not be found."), noVolume.toString());
        assertEquals(before, cli.json("appcontainer", "list", "-f", "json").size(), "no container was made");

        cli.ok("appcontainer", "delete", "--force", "b1");
    }

    @Test
    void mountsExposedPortsHealthChecksAutoRemoveAndAutoHeal() {
        String project = cli.json("token", "issue", "-f", "json").path("project_id").asText();
        String volume = "st-cli-data";
        assertTrue(docker.run("volume", "create", "--label", "windlass.project=" + project, volume).ok());
        try {
            String uuid = cli.json("appcontainer", "run", "-f", "json", "--name", "m1",
                    "--mount", "source=" + volume + ",destination=/data", "--expose-port", "8080/tcp",
                    "--healthcheck", "cmd=test -f /data/f,interval=1s,retries=2,timeout=1s",
                    "busybox", "sh", "-c", "echo kept > /data/f; sleep 300").path("uuid").asText();
            String engine = ContainersApi.engineName(uuid);
            awaitStatus("m1", "Running");
            assertTrue(docker.inspectExisting(engine, "{{range .Mounts}}{{.Name}}:{{.Destination}} {{end}}")
                    .contains(volume + ":/data"));
            assertTrue(docker.inspectExisting(engine, "{{json .Config.ExposedPorts}}").contains("8080/tcp"));
            assertEquals("kept", docker.run("run", "--rm", "-v", volume + ":/v", "busybox", "cat", "/v/f").stdout()
                    .strip(), "written through the mount into the named volume");
            Poller.standard().until("m1 healthy", () -> String.valueOf(api.show("m1").jsonPath()
                    .getString("healthcheck.status")), "healthy"::equals);
            assertEquals("healthy", docker.inspectExisting(engine, "{{.State.Health.Status}}"));
            cli.ok("appcontainer", "delete", "--force", "m1");
            Poller.standard().until("m1 gone", () -> docker.exists(engine), exists -> !exists);
            assertTrue(docker.run("volume", "inspect", volume).ok(), "a named volume outlives the container");

            // --auto-remove: the engine removes it when it exits, and the container goes with it
            String removed = cli.json("appcontainer", "run", "-f", "json", "--name", "ar1", "--auto-remove",
                    "busybox", "sleep", "2").path("uuid").asText();
            Poller.standard().until("ar1 removed with its engine container",
                    () -> cli.json("appcontainer", "list", "-f", "json").toString(), list -> !list.contains(removed));
            assertFalse(docker.exists(ContainersApi.engineName(removed)));

            // --auto-heal: removed behind Windlass's back, it is made again on its host
            String healed = cli.json("appcontainer", "run", "-f", "json", "--name", "h1", "--auto-heal",
                    "busybox", "sleep", "300").path("uuid").asText();
            String healedEngine = ContainersApi.engineName(healed);
            awaitStatus("h1", "Running");
            String firstId = docker.inspectExisting(healedEngine, "{{.Id}}");
            assertTrue(docker.run("rm", "-f", healedEngine).ok());
            Poller.standard().until("h1 made again", () -> docker.inspect(healedEngine, "{{.Id}} {{.State.Running}}")
                    .orElse(""), state -> !state.isEmpty() && !state.startsWith(firstId) && state.endsWith("true"));
            awaitStatus("h1", "Running");
            cli.ok("appcontainer", "delete", "--force", "h1");
        } finally {
            docker.run("volume", "rm", "-f", volume);
        }
    }

    private void awaitStatus(String ident, String status) {
        Poller.standard().until(ident + " to be " + status,
                () -> cli.json("appcontainer", "show", "-f", "json", ident),
                c -> status.equals(c.path("status").asText()) && c.path("task_state").isNull());
    }
}
