package io.windlass.container.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.microversion.ApiVersion;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import io.windlass.api.validation.TestValidators;
import io.windlass.container.ContainerStatus;
import io.windlass.container.ContainerHealthcheck;
import io.windlass.container.RestartPolicy;
import io.windlass.container.TaskState;
import io.windlass.container.service.ArchiveUpload;
import io.windlass.container.service.ContainerLogQuery;
import io.windlass.container.service.ContainerPatch;
import io.windlass.container.service.ExecCommand;
import io.windlass.container.service.ExecResize;
import io.windlass.container.service.NewContainer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schemas of {@code schemas/container/containers/}, read by {@link ContainerRequests} and the generic reader. */
class ContainerRequestsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ApiVersion V1_1 = ApiVersion.of(1, 1);
    private static final ApiVersion V1_40 = ApiVersion.of(1, 40);
    private static final String SCHEMA_ERROR = InvalidInputException.SCHEMA_VALIDATION_ERROR;

    private final RequestValidator validator = TestValidators.validator();
    private final ContainerRequests requests = new ContainerRequests(validator);

    @Test
    void aMinimalCreateGetsTheDefaults() {
        NewContainer c = requests.create(json("{\"image\": \"busybox\"}"), V1_40);
        assertEquals("busybox", c.image());
        assertEquals(1.0, c.cpu());
        assertEquals(512, c.memoryMb());
        assertEquals(RestartPolicy.NO, c.restartPolicy());
        assertEquals(0, c.diskGb());
        assertNull(c.entrypoint(), "no entrypoint is not an empty one");
        assertEquals(Map.of(), c.environment());
        assertEquals(List.of(), c.command());
        assertNull(c.name());
    }

    @Test
    void createReadsStringsAsZunclientSendsThem() {
        NewContainer c = requests.create(json("{\"image\": \"busybox\", \"cpu\": \"0.5\", \"memory\": \"64\","
                + " \"interactive\": \"True\", \"command\": \"sh -c 'echo hi'\", \"image_pull_policy\": \"Always\","
                + " \"restart_policy\": {\"Name\": \"on-failure\", \"MaximumRetryCount\": \"3\"},"
                + " \"hints\": {\"same_host\": \"a\", \"group\": [\"b\"]}}"), ApiVersion.of(1, 19));
        assertEquals(0.5, c.cpu());
        assertEquals(64, c.memoryMb());
        assertTrue(c.interactive());
        assertFalse(c.tty(), "before 1.20 interactive does not imply a tty");
        assertEquals(List.of("sh", "-c", "echo hi"), c.command());
        assertEquals("always", c.imagePullPolicy());
        assertEquals(new RestartPolicy("on-failure", 3), c.restartPolicy());
        assertEquals(Map.of("same_host", List.of("a"), "group", List.of("b")), c.schedulerHints());
        assertTrue(requests.create(json("{\"image\": \"b1\", \"interactive\": true}"), ApiVersion.of(1, 20)).tty());
        assertFalse(requests.create(json("{\"image\": \"b1\", \"interactive\": true}"), ApiVersion.of(1, 36)).tty());
    }

    @Test
    void createFailuresAreWordedAsZunWordsThem() {
        assertEquals("'image' is a required property", createError("{}", V1_1));
        assertEquals("Invalid input for field 'image'.Value: 'b'. 'b' is too short",
                createError("{\"image\": \"b\"}", V1_1));
        assertEquals("Invalid input for field 'memory'.Value: '2'. 2 is less than the minimum of 4",
                createError("{\"image\": \"busybox\", \"memory\": 2}", V1_1));
        assertEquals("Invalid input for field 'cpu'.Value: '100'. 100 is greater than the maximum of 16.0",
                createError("{\"image\": \"busybox\", \"cpu\": 100}", V1_1));
        assertEquals("Invalid input for field 'memory'.Value: '12xyz'. '12xyz' does not match '^[0-9]+$'",
                createError("{\"image\": \"busybox\", \"memory\": \"12xyz\"}", V1_1));
        assertEquals("Additional properties are not allowed ('colour' was unexpected)",
                createError("{\"image\": \"busybox\", \"colour\": \"red\"}", V1_1));
        assertEquals("Invalid input for field 'environment'.Value: '{'A': 1}'. 1 is not of type 'string'",
                createError("{\"image\": \"busybox\", \"environment\": {\"A\": 1}}", V1_1));
        assertTrue(createError("{\"image\": \"busybox\", \"restart_policy\": {\"Name\": \"sometimes\"}}", V1_1)
                .startsWith("Invalid input for field 'restart_policy'.Value: "));
        assertEquals("Invalid input for field 'restart_policy'.Value: '{'Name': 'always', 'MaximumRetryCount': 3}'. "
                        + "maximum retry count not valid with restart policy of always.",
                createError("{\"image\": \"busybox\", \"restart_policy\": {\"Name\": \"always\", "
                        + "\"MaximumRetryCount\": 3}}", V1_1));
        assertEquals("Invalid input for field 'command'.Value: '['sleep', '1']'. ['sleep', '1'] is not of type "
                + "'string', 'null'", createError("{\"image\": \"busybox\", \"command\": [\"sleep\", \"1\"]}", V1_1));
        assertEquals("Invalid input for field 'command'.Value: 'echo 'unclosed'. No closing quotation.",
                createError("{\"image\": \"busybox\", \"command\": \"echo 'unclosed\"}", V1_1));
    }

    @Test
    void restartPoliciesThatIgnoreTheRetryCountRefuseOne() {
        assertEquals(RestartPolicy.NO, requests.create(json("{\"image\": \"busybox\", \"restart_policy\": "
                + "{\"Name\": \"no\", \"MaximumRetryCount\": 3}}"), V1_1).restartPolicy());
        assertEquals(new RestartPolicy("always", 0), requests.create(json("{\"image\": \"busybox\", "
                + "\"restart_policy\": {\"Name\": \"always\", \"MaximumRetryCount\": \"0\"}}"), V1_1).restartPolicy());
        assertEquals("Invalid input for field 'restart_policy'.Value: '{'Name': 'unless-stopped', "
                + "'MaximumRetryCount': '1'}'. maximum retry count not valid with restart policy of unless-stopped.",
                createError("{\"image\": \"busybox\", \"restart_policy\": {\"Name\": \"unless-stopped\", "
                        + "\"MaximumRetryCount\": \"1\"}}", V1_1));
    }

    @Test
    void aFieldNewerThanTheRequestIsInvalidParamInVersion() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () ->
                requests.create(json("{\"image\": \"busybox\", \"tty\": true}"), ApiVersion.of(1, 35)));
        assertEquals("InvalidParamInVersion", e.errorName());
        assertEquals("Invalid param tty because current request version is 1.35. tty is only supported from "
                + "version 1.36", e.getMessage());
    }

    @Test
    void securityGroupsAreTakenOnceEachInOrder() {
        assertEquals(List.of("web", "default"), requests.create(json("{\"image\": \"busybox\", "
                + "\"security_groups\": [\"web\", \"default\", \"web\"]}"), V1_40).securityGroups());
    }

    @Test
    void exposedPortsAreReadAsZunsBuildExposedPortsReadsThem() {
        assertEquals(List.of("80/tcp", "53/udp", "8080/tcp"), requests.create(json("{\"image\": \"busybox\", "
                + "\"exposed_ports\": {\"80\": {}, \"53/udp\": {}, \"80/tcp\": {}, \" +8080/tcp\": {}}}"), V1_40)
                .exposedPorts());
        assertEquals(List.of(), requests.create(json("{\"image\": \"busybox\", \"exposed_ports\": null}"), V1_40)
                .exposedPorts());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> requests.create(json(
                "{\"image\": \"busybox\", \"exposed_ports\": {\"80/tcp/x\": {}}}"), V1_40));
        assertEquals("value 80/tcp/x is invalid as publish port.", e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> requests.create(json(
                "{\"image\": \"busybox\", \"exposed_ports\": {\"0\": {}}}"), V1_40));
        assertEquals("value 0 is invalid as publish port.", e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> requests.create(json(
                "{\"image\": \"busybox\", \"exposed_ports\": {\"80/TCP\": {}}}"), V1_40));
        assertEquals("value TCP is an invalid protocol", e.getMessage());
    }

    @Test
    void aRuntimeIsTakenAsNamedForTheEngineToJudge() {
        assertEquals("io.containerd.runc.v2", requests.create(json("{\"image\": \"busybox\", "
                + "\"runtime\": \"io.containerd.runc.v2\"}"), ApiVersion.parse("1.5")).runtime());
        assertThrows(InvalidInputException.class, () -> requests.create(json("{\"image\": \"busybox\", "
                + "\"runtime\": \"\"}"), V1_40));
    }

    @Test
    void dedicatedCpusAreWholeOnes() {
        assertEquals("shared", requests.create(json("{\"image\": \"busybox\"}"), V1_40).cpuPolicy());
        assertEquals("dedicated", requests.create(json("{\"image\": \"busybox\", \"cpu\": 2, "
                + "\"cpu_policy\": \"dedicated\"}"), V1_40).cpuPolicy());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> requests.create(json(
                "{\"image\": \"busybox\", \"cpu\": 0.5, \"cpu_policy\": \"dedicated\"}"), V1_40));
        assertEquals("Invalid input for field 'cpu'.Value: '0.5'. cpu_policy dedicated takes whole CPUs.",
                e.getMessage());
    }

    @Test
    void aHealthCheckIsZunsCmdAndSeconds() {
        assertEquals(new ContainerHealthcheck("curl -f localhost", 10, 3, 5, null), requests.create(json(
                "{\"image\": \"busybox\", \"healthcheck\": {\"cmd\": \"curl -f localhost\", \"interval\": 10, "
                        + "\"retries\": 3, \"timeout\": 5}}"), V1_40).healthcheck());
        assertEquals(new ContainerHealthcheck("true", null, null, null, 30), requests.create(json(
                "{\"image\": \"busybox\", \"healthcheck\": {\"cmd\": \"true\", \"start_period\": 30}}"), V1_40)
                .healthcheck());
        // the name Zun shows it under, as a shown healthcheck sent back has it; cmd wins, as Zun's pop
        assertEquals(new ContainerHealthcheck("true", 5, null, null, null), requests.create(json(
                "{\"image\": \"busybox\", \"healthcheck\": {\"test\": \"true\", \"interval\": 5}}"), V1_40)
                .healthcheck());
        assertEquals("exit 0", requests.create(json("{\"image\": \"busybox\", \"healthcheck\": "
                + "{\"test\": \"true\", \"cmd\": \"exit 0\"}}"), V1_40).healthcheck().test());
        // Zun's "if healthcheck": an empty one is none
        assertEquals(null, requests.create(json("{\"image\": \"busybox\", \"healthcheck\": {}}"), V1_40)
                .healthcheck());
    }

    @Test
    void securityGroupsAndExposedPortsAreNotGivenTogether() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> requests.create(json(
                "{\"image\": \"busybox\", \"security_groups\": [\"web\"], \"exposed_ports\": {\"80\": {}}}"), V1_40));
        assertEquals(InvalidInputException.SCHEMA_VALIDATION_ERROR, e.errorName());
    }

    @Test
    void patchTakesFourFields() {
        var patch = patch(json("{\"cpu\": 0.5, \"memory\": \"128\", \"auto_heal\": \"false\"}"), V1_40);
        assertEquals(0.5, patch.cpu());
        assertEquals(128, patch.memoryMb());
        assertEquals(false, patch.autoHeal());
        InvalidInputException e = assertThrows(InvalidInputException.class, () ->
                patch(json("{\"image\": \"x\"}"), V1_40));
        assertEquals("Additional properties are not allowed ('image' was unexpected)", e.getMessage());
    }

    @Test
    void listQueriesAreTypedAndUnknownParametersNamed() {
        ContainerRequests.ListQuery q = requests.list(Map.of("limit", List.of("5000"), "status", List.of("Running"),
                "memory", List.of("128"), "all_projects", List.of("True")), V1_40, 1000);
        assertEquals(1000, q.limit());
        assertTrue(q.allProjects());
        assertEquals(Map.of("status", ContainerStatus.RUNNING, "memory", 128), q.filters());
        InvalidInputException unknown = assertThrows(InvalidInputException.class, () ->
                requests.list(Map.of("colour", List.of("red"), "b", List.of("1")), V1_40, 1000));
        assertEquals("Unknown parameters: b, colour", unknown.getMessage());
        assertEquals("InvalidValue", unknown.errorName());
        assertEquals(new ContainerRequests.ListQuery(1000, null, "id", "asc", false, Map.of()),
                requests.list(Map.of(), V1_40, 1000));
        assertEquals("name", requests.list(Map.of("sort_key", List.of("name"), "sort_dir", List.of("desc")), V1_40,
                1000).sortKey());
        InvalidInputException limit = assertThrows(InvalidInputException.class, () ->
                requests.list(Map.of("limit", List.of("0")), V1_40, 1000));
        assertEquals("Invalid input for query parameters 'limit'. Value: '0'. '0' does not match '^[1-9][0-9]*$'",
                limit.getMessage());
    }

    @Test
    void logsReadsZunsParameters() {
        assertEquals(new ContainerLogQuery(true, true, false, null, null, false), requests.logs(Map.of(), V1_1));
        assertEquals(new ContainerLogQuery(false, true, true, 5, 1714564800L, false), requests.logs(Map.of(
                "stdout", List.of("OFF"), "stderr", List.of("Yes"), "timestamps", List.of("1"),
                "tail", List.of("5"), "since", List.of("2024-05-01 12:00:00,0")), V1_40));
        assertEquals(new ContainerLogQuery(true, true, false, null, null, false), requests.logs(Map.of(
                "tail", List.of("all")), V1_40));
        assertEquals(new ContainerLogQuery(true, true, false, 0, null, true), requests.logs(Map.of(
                "tail", List.of("0"), "follow", List.of("true")), V1_40));
        // Zun's boolean_extended: oslo's one-letter spellings are not among them
        InvalidInputException letter = assertThrows(InvalidInputException.class, () ->
                requests.logs(Map.of("timestamps", List.of("t")), V1_40));
        assertTrue(letter.getMessage().startsWith("Invalid input for query parameters 'timestamps'. Value: 't'. "
                + "'t' is not one of [True, 'True'"), letter.getMessage());
        InvalidInputException since = assertThrows(InvalidInputException.class, () ->
                requests.logs(Map.of("since", List.of("x11")), V1_40));
        assertEquals("Invalid input for query parameters 'since'. Value: 'x11'. 'x11' does not match '(^[0-9]*$)|"
                + "([0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2},[0-9]{1,3})'", since.getMessage());
        InvalidInputException neither = assertThrows(InvalidInputException.class, () ->
                requests.logs(Map.of("stdout", List.of("false"), "stderr", List.of("false")), V1_40));
        assertEquals("InvalidValue", neither.errorName());
        assertEquals("At least one of stdout and stderr must be true.", neither.getMessage());
        assertEquals(new ContainerLogQuery(false, true, false, null, null, false),
                requests.logs(Map.of("stdout", List.of("Off"), "stderr", List.of("on")), V1_40));
    }

    @Test
    void executeSplitsTheCommandAsDockerPyDoes() {
        assertEquals(new ExecCommand("sh -c 'echo hi there'", List.of("sh", "-c", "echo hi there"), true, false),
                requests.execute(Map.of("command", List.of("sh -c 'echo hi there'")), V1_1));
        assertEquals(new ExecCommand("ls", List.of("ls"), false, false), requests.execute(Map.of(
                "command", List.of("ls"), "run", List.of("False"), "interactive", List.of("false")), V1_40));
        // as python-zunclient asks for a terminal: never run then, even if run is left true
        assertEquals(new ExecCommand("/bin/sh", List.of("/bin/sh"), false, true), requests.execute(Map.of(
                "command", List.of("/bin/sh"), "run", List.of("False"), "interactive", List.of("True")), V1_40));
        assertEquals(new ExecCommand("sh", List.of("sh"), false, true), requests.execute(Map.of(
                "command", List.of("sh"), "interactive", List.of("true")), V1_40));
    }

    @Test
    void executeWithoutACommandIs400NamingIt() {
        InvalidInputException missing = assertThrows(InvalidInputException.class, () ->
                requests.execute(Map.of("run", List.of("true")), V1_40));
        assertEquals(SCHEMA_ERROR, missing.errorName());
        assertEquals("'command' is a required property", missing.getMessage());
        InvalidInputException empty = assertThrows(InvalidInputException.class, () ->
                requests.execute(Map.of("command", List.of("")), V1_40));
        assertEquals("Invalid input for query parameters 'command'. Value: ''. '' is too short", empty.getMessage());
        InvalidInputException blank = assertThrows(InvalidInputException.class, () ->
                requests.execute(Map.of("command", List.of("   ")), V1_40));
        assertTrue(blank.getMessage().startsWith("Invalid input for query parameters 'command'. Value: '   '."),
                blank.getMessage());
        assertEquals("Invalid input for query parameters 'command'. Value: '   '. The command names no program to run.",
                blank.getMessage());
        assertEquals(SCHEMA_ERROR, blank.errorName());
        InvalidInputException quote = assertThrows(InvalidInputException.class, () ->
                requests.execute(Map.of("command", List.of("echo 'open")), V1_40));
        assertTrue(quote.getMessage().startsWith("Invalid input for query parameters 'command'. Value: 'echo 'open'."),
                quote.getMessage());
    }

    @Test
    void executeTakesZunsFewBooleans() {
        InvalidInputException yes = assertThrows(InvalidInputException.class, () ->
                requests.execute(Map.of("command", List.of("ls"), "run", List.of("yes")), V1_40));
        assertTrue(yes.getMessage().startsWith("Invalid input for query parameters 'run'. Value: 'yes'. 'yes' is not"
                + " one of [True, 'True', 'true', False, 'False', 'false']"), yes.getMessage());
        InvalidInputException interactive = assertThrows(InvalidInputException.class, () ->
                requests.execute(Map.of("command", List.of("sh"), "interactive", List.of("1")), V1_40));
        assertTrue(interactive.getMessage().startsWith("Invalid input for query parameters 'interactive'."),
                interactive.getMessage());
        assertThrows(InvalidInputException.class, () ->
                requests.execute(Map.of("command", List.of("ls"), "tty", List.of("true")), V1_40));
    }

    @Test
    void executeResizeNeedsTheExecAndBothSides() {
        String exec = "ab".repeat(32);
        assertEquals(new ExecResize(exec, 24, 80), requests.executeResize(Map.of("exec_id", List.of(exec),
                "h", List.of("24"), "w", List.of("80")), V1_40));
        for (Map<String, List<String>> bad : List.of(Map.of("exec_id", List.of(exec), "h", List.of("24")),
                Map.of("exec_id", List.of("AB".repeat(32)), "h", List.of("24"), "w", List.of("80")),
                Map.of("exec_id", List.of(exec), "h", List.of("0"), "w", List.of("80")),
                Map.of("exec_id", List.of(exec), "h", List.of(""), "w", List.of("80")),
                Map.of("exec_id", List.of(exec), "h", List.of("24"), "w", List.of("99999999999")))) {
            assertEquals(SCHEMA_ERROR, assertThrows(InvalidInputException.class,
                    () -> requests.executeResize(bad, V1_40)).errorName(), bad.toString());
        }
    }

    @Test
    void topAndArchivePaths() {
        assertNull(requests.top(Map.of(), V1_1));
        // python-zunclient's ps_args when it has none
        assertNull(requests.top(Map.of("ps_args", List.of("None")), V1_1));
        assertEquals("aux", requests.top(Map.of("ps_args", List.of("aux")), V1_1));
        assertThrows(InvalidInputException.class, () -> requests.top(Map.of("ps", List.of("aux")), V1_1));
        assertEquals("/etc/hosts", requests.getArchive(Map.of("path", List.of("/etc/hosts")), V1_40));
        assertEquals("'path' is a required property", assertThrows(InvalidInputException.class,
                () -> requests.getArchive(Map.of(), V1_40)).getMessage());
    }

    @Test
    void putArchiveTakesThePathFromTheBodyOrTheQuery() {
        ArchiveUpload fromQuery = requests.putArchive(json("{\"data\": \"aGVsbG8=\"}"),
                Map.of("path", List.of("/tmp")), V1_40);
        assertEquals("/tmp", fromQuery.path());
        assertEquals("hello", new String(fromQuery.data()));
        assertEquals("/srv", requests.putArchive(json("{\"data\": \"\", \"path\": \"/srv\"}"),
                Map.of("path", List.of("/tmp")), V1_40).path());
        assertEquals("'path' is a required property", assertThrows(InvalidInputException.class,
                () -> requests.putArchive(json("{\"data\": \"\"}"), Map.of(), V1_40)).getMessage());
        assertEquals("'data' is a required property", assertThrows(InvalidInputException.class,
                () -> requests.putArchive(json("{\"path\": \"/tmp\"}"), Map.of(), V1_40)).getMessage());
        assertEquals("Base64Exception", assertThrows(InvalidInputException.class,
                () -> requests.putArchive(json("{\"path\": \"/tmp\", \"data\": \"aGVsbG8\"}"), Map.of(), V1_40))
                .errorName());
    }

    @Test
    void theListSchemaKnowsEveryStatusAndTaskState() {
        assertEquals(Arrays.stream(ContainerStatus.values()).map(ContainerStatus::value).collect(Collectors.toSet()),
                enumOf("status"));
        assertEquals(Arrays.stream(TaskState.values()).map(TaskState::value).collect(Collectors.toSet()),
                enumOf("task_state"));
    }

    @Test
    void flagsAndRename() {
        assertEquals("30", query("flags", Map.of("timeout", List.of("30")), V1_40).text("timeout"));
        assertThrows(InvalidInputException.class, () -> query("flags", Map.of("timeout", List.of("-1")), V1_40));
        assertThrows(InvalidInputException.class, () -> query("flags", Map.of("force", List.of("perhaps")), V1_40));
        assertEquals("new-name", query("rename", Map.of("name", List.of("new-name")), V1_1).text("name"));
        InvalidInputException missing = assertThrows(InvalidInputException.class, () ->
                query("rename", Map.of(), V1_1));
        assertEquals("'name' is a required property", missing.getMessage());
    }

    @Test
    void deleteTakesForceFrom17AndStopFrom112UnlessFalse() {
        assertTrue(query("delete", Map.of("force", List.of("True"), "stop", List.of("yes")), V1_40)
                .bool("force", false));
        assertFalse(query("delete", Map.of("force", List.of("False"), "stop", List.of("0")), V1_1)
                .bool("stop", true));
        InvalidInputException force = assertThrows(InvalidInputException.class, () ->
                query("delete", Map.of("force", List.of("true")), ApiVersion.of(1, 6)));
        assertEquals("InvalidParamInVersion", force.errorName());
        assertEquals("Invalid param force because current request version is 1.6. force is only supported from "
                + "version 1.7", force.getMessage());
        assertEquals("Invalid param stop because current request version is 1.11. stop is only supported from "
                + "version 1.12", assertThrows(InvalidInputException.class, () -> query("delete",
                Map.of("stop", List.of("on")), ApiVersion.of(1, 11))).getMessage());
        query("delete", Map.of("stop", List.of("on")), ApiVersion.of(1, 12));
        assertEquals(SCHEMA_ERROR, assertThrows(InvalidInputException.class, () ->
                query("delete", Map.of("force", List.of("perhaps")), ApiVersion.of(1, 6))).errorName());
    }

    @Test
    void killTakesZunsSignalEnum() {
        for (String signal : List.of("SIGKILL", "kill", "9", "SIGTERM", "TERM", "sigterm", "term", "15", "USR1",
                "None")) {
            query("kill", Map.of("signal", List.of(signal)), V1_40);
        }
        query("kill", Map.of(), V1_40);
        // Zun's enum spells a name four ways, not in mixed case
        for (String signal : List.of("SigKill", "SIGNOPE", "99", "")) {
            assertEquals(SCHEMA_ERROR, assertThrows(InvalidInputException.class, () ->
                    query("kill", Map.of("signal", List.of(signal)), V1_40)).errorName());
        }
        assertThrows(InvalidInputException.class, () -> query("kill", Map.of("sig", List.of("9")), V1_40));
    }

    private Set<String> enumOf(String parameter) {
        Set<String> values = new TreeSet<>();
        new io.windlass.api.validation.RequestSchemas(TestValidators.LIMITS)
                .get("container/containers/list-query").path("properties").path(parameter).path("enum")
                .forEach(v -> values.add(v.asText()));
        return values;
    }

    private RequestFields query(String request, Map<String, List<String>> query, ApiVersion version) {
        return validator.query(ApiFamily.ZUN, "container/containers/" + request + "-query", version, query);
    }

    private ContainerPatch patch(JsonNode body, ApiVersion version) {
        return validator.body(ApiFamily.ZUN, "container/containers/update", version, body).as(ContainerPatch.class);
    }

    private String createError(String body, ApiVersion version) {
        return assertThrows(InvalidInputException.class, () -> requests.create(json(body), version)).getMessage();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
