package io.windlass.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** deploy/systemd/verify (systemd-analyze verify of the units) passes on the units and fails on a broken one. */
class SystemdVerifyScriptTest {

    @Test
    void theUnitsPass() throws Exception {
        Result result = verify();
        assertEquals(0, result.exit, result.output);
        assertTrue(result.output.contains("4 unit(s) OK"), result.output);
    }

    @Test
    void aMisspeltKeyAMissingBinaryAndABadValueFail(@TempDir Path dir) throws Exception {
        String unit = RepoFiles.read("deploy/systemd/windlass-scheduler.service")
                .replace("CPUWeight=1000", "CPUWieght=1000")
                .replace("Restart=on-failure", "Restart=sometimes")
                .replace("ExecStart=/usr/bin/java", "ExecStart=java");
        Path broken = dir.resolve("windlass-scheduler.service");
        Files.writeString(broken, unit);
        Files.copy(RepoFiles.path("deploy/systemd/windlass-scheduler.env"), dir.resolve("windlass-scheduler.env"));
        Result result = verify(broken.toString());
        assertEquals(1, result.exit, result.output);
        assertTrue(result.output.contains("ExecStart names no absolute binary"), result.output);

        Files.writeString(broken, unit.replace("ExecStart=java", "ExecStart=/usr/bin/java"));
        result = verify(broken.toString());
        assertEquals(1, result.exit, result.output);
        assertTrue(result.output.contains("Unknown key 'CPUWieght'"), result.output);
        assertTrue(result.output.contains("Failed to parse service restart specifier"), result.output);
    }

    private record Result(int exit, String output) {
    }

    private static Result verify(String... units) throws IOException, InterruptedException {
        assumeTrue(onPath("systemd-analyze"), "systemd-analyze is not installed");
        List<String> command = new ArrayList<>(List.of("bash", RepoFiles.path("deploy/systemd/verify").toString()));
        command.addAll(List.of(units));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "verify did not finish");
        return new Result(process.exitValue(), output);
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
