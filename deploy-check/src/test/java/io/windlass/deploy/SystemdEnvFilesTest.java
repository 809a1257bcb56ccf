package io.windlass.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** deploy/systemd: every env file against its service's real settings, and the units' CPU weights. */
class SystemdEnvFilesTest {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");

    @ParameterizedTest
    @EnumSource(WindlassService.class)
    void everyLineIsARealSettingWithItsRealDefault(WindlassService service) {
        String unit = RepoFiles.read("deploy/systemd/windlass-" + service.name + ".service");
        assertTrue(unit.contains("\nEnvironmentFile=/etc/windlass/windlass-" + service.name + ".env\n"), unit);
        List<String> problems = EnvFileCheck.problems(ServiceSettings.of(service),
                RepoFiles.read("deploy/systemd/windlass-" + service.name + ".env"), execStartVariables(unit));
        assertEquals(List.of(), problems, "deploy/systemd/windlass-" + service.name + ".env");
    }

    /** The check itself: a file with a name, a default, a value and a key that are wrong fails on each. */
    @Test
    void aWrongFileFailsOnEveryWrongLine() {
        String wrong = RepoFiles.read("deploy/systemd/windlass-scheduler.env")
                + "WINDLASS_SCHEDULER_FILTERS=ComputeFilter\n"
                + "WINDLASS_REGISTRY_PASSWORD_KEY=d2luZGxhc3MtZGV2LWtleS1OT1QtQS1TRUNSRVQtMDA=\n"
                + "windlass.scheduler.host-subset-size=2\n";
        wrong = wrong.replace("#WINDLASS_RPC_PORT=5672", "#WINDLASS_RPC_PORT=5673")
                .replace("#WINDLASS_SCHEDULER_RPC_CONSUMERS=4", "WINDLASS_SCHEDULER_RPC_CONSUMERS=four")
                .replace("#WINDLASS_SERVICE_DOWN_TIME=30s\n", "")
                .replace("WINDLASS_RPC_PASSWORD=\n", "#WINDLASS_RPC_PASSWORD=guest\n");
        String problems = String.join("\n", EnvFileCheck.problems(ServiceSettings.of(WindlassService.SCHEDULER), wrong,
                Set.of("JAVA_OPTS")));
        for (String expected : List.of("WINDLASS_SCHEDULER_FILTERS is no setting of the scheduler",
                "WINDLASS_REGISTRY_PASSWORD_KEY is loaded but never read by the scheduler",
                "is neither NAME=value, #NAME=value nor a '# ' comment: windlass.scheduler.host-subset-size=2",
                "#WINDLASS_RPC_PORT=5673 is not the default, which is '5672'",
                "WINDLASS_SERVICE_DOWN_TIME is a setting of the scheduler but the file does not document it",
                "WINDLASS_RPC_PASSWORD must be set",
                "windlass.scheduler.rpc-consumers")) {
            assertTrue(problems.contains(expected), "expected '" + expected + "' among:\n" + problems);
        }
    }

    /**
     * The env files leave the site's credentials empty: a service's own setting given as empty stops it
     * at start, naming the setting, instead of falling back to the development default.
     */
    @Test
    void anEmptySettingStopsTheServiceInsteadOfTakingItsDefault() {
        String problem = ServiceSettings.of(WindlassService.SCHEDULER)
                .startProblem(java.util.Map.of("WINDLASS_RPC_PASSWORD", "")).orElse("(none)");
        assertTrue(problem.contains("SRCFG00040") && problem.contains("windlass.rpc.password"), problem);
    }

    /** docs/scheduler.md: the scheduler gets a CPU weight above the api's and the conductor's. */
    @Test
    void theSchedulerWeighsMoreThanTheApiAndConductor() {
        int scheduler = cpuWeight(WindlassService.SCHEDULER);
        assertTrue(scheduler > cpuWeight(WindlassService.API) && scheduler > cpuWeight(WindlassService.CONDUCTOR),
                "CPUWeight of the scheduler: " + scheduler);
    }

    private static int cpuWeight(WindlassService service) {
        Matcher m = Pattern.compile("\nCPUWeight=(\\d+)\n")
                .matcher(RepoFiles.read("deploy/systemd/windlass-" + service.name + ".service"));
        assertTrue(m.find(), "windlass-" + service.name + ".service sets no CPUWeight");
        return Integer.parseInt(m.group(1));
    }

    /** Variables the unit's ExecStart expands itself, e.g. $JAVA_OPTS. */
    static Set<String> execStartVariables(String unit) {
        Set<String> names = new TreeSet<>();
        unit.lines().filter(l -> l.startsWith("ExecStart=")).forEach(l -> {
            Matcher m = VARIABLE.matcher(l);
            while (m.find()) {
                names.add(m.group(1));
            }
        });
        return names;
    }
}
