package io.windlass.server.api;

import io.windlass.api.error.InvalidInputException;
import io.windlass.api.microversion.ApiVersion;
import io.windlass.api.validation.TestValidators;
import io.windlass.server.ServerAction;
import io.windlass.server.persistence.ServerQuery;
import io.windlass.server.service.EvacuationRequest;
import io.windlass.server.service.ServerActionRequest.ConsoleOutput;
import io.windlass.server.service.ServerActionRequest.Power;
import io.windlass.server.service.ServerCreateRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.windlass.api.validation.Json.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schemas of {@code schemas/compute/servers/} and what {@link ServerRequests} reads from them. */
class ServerRequestsTest {
    private static final ApiVersion V2_1 = ApiVersion.of(2, 1);
    private static final ApiVersion V2_95 = ApiVersion.of(2, 95);
    private static final String IMAGE = UUID.randomUUID().toString();
    private static final String GROUP = UUID.randomUUID().toString();
    private final ServerRequests requests = new ServerRequests(TestValidators.validator());

    @Test
    void namesAreNovasPrintableUnicodeAndPersonalityIsBase64() {
        // Tempest's test_create_server_specify_multibyte_character_name: a currency sign is printable
        assertEquals("tempest-\u20a1-1", requests.create(of("{`server`: {`name`: `tempest-\u20a1-1`, `flavorRef`: 1, "
                + "`imageRef`: `" + IMAGE + "`}}"), V2_1).name());
        assertEquals("\u30b5\u30fc\u30d0\u30fc \u03b4", requests.create(of("{`server`: {`name`: "
                + "`\u30b5\u30fc\u30d0\u30fc \u03b4`, `flavorRef`: 1, `imageRef`: `" + IMAGE + "`}}"), V2_1).name());
        // control characters and surrounding blanks (any Unicode space) are not
        assertTrue(error("{`name`: `a\\tb`, `flavorRef`: `0`, `imageRef`: `" + IMAGE + "`}", V2_1).contains("name"));
        assertTrue(error("{`name`: `\u3000a`, `flavorRef`: `0`, `imageRef`: `" + IMAGE + "`}", V2_1)
                .contains("name"));
        assertTrue(error("{`name`: `a`, `flavorRef`: `0`, `imageRef`: `" + IMAGE + "`, `personality`: [{`path`: `/f`, "
                + "`contents`: `not base64!`}]}", V2_1).endsWith("is not a 'base64'"));
    }

    @Test
    void createReadsNovasFields() {
        ServerCreateRequest r = requests.create(of("{`server`: {`name`: `web`, `flavorRef`: `http://x/flavors/1`, "
                + "`imageRef`: `" + IMAGE + "`, `networks`: `none`, `min_count`: `2`, `metadata`: {`k`: `v`}, "
                + "`availability_zone`: `az1:host-a`, `return_reservation_id`: `True`}, "
                + "`os:scheduler_hints`: {`group`: `" + GROUP + "`}}"), V2_95);
        assertEquals("1", r.flavorRef());
        assertEquals(IMAGE, r.imageRef());
        assertEquals("none", r.network());
        assertEquals(2, r.maxCount());
        assertEquals("az1", r.availabilityZone());
        assertEquals("host-a", r.forcedHost());
        assertTrue(r.returnReservationId());
        assertEquals("MANUAL", r.diskConfig());
        assertEquals(Map.of("group", List.of(GROUP)), r.schedulerHints());
        ServerCreateRequest plain = requests.create(of("{`server`: {`name`: `web`, `flavorRef`: 1, `imageRef`: `"
                + IMAGE + "`, `accessIPv4`: `198.18.0.1`, `OS-DCF:diskConfig`: `AUTO`, `user_data`: `aGk=`}, "
                + "`OS-SCH-HNT:scheduler_hints`: {`a_filter_of_their_own`: null}}"), V2_1);
        assertEquals(1, plain.minCount());
        assertEquals(1, plain.maxCount());
        assertEquals("198.18.0.1", plain.accessIpV4());
        assertEquals("AUTO", plain.diskConfig());
        assertEquals("aGk=", plain.userData());
        assertEquals(List.of(), plain.files());
        assertEquals(Map.of(), plain.metadata());
        // hints Nova does not know are passed on as they are (its schema's additionalProperties)
        assertEquals(Map.of("a_filter_of_their_own", List.of("null")), plain.schedulerHints());
    }

    @Test
    void createFailuresAreWordedAsNovaWordsThem() {
        assertEquals("Invalid input for field/attribute server/metadata/k. Value: " + "v".repeat(256) + ". '"
                + "v".repeat(256) + "' is too long", error("{`name`: `x`, `flavorRef`: `0`, `imageRef`: `" + IMAGE
                + "`, `metadata`: {`k`: `" + "v".repeat(256) + "`}}", V2_1));
        assertEquals("Invalid input for field/attribute server. Value: {'flavorRef': '0', 'networks': 'none'}. "
                + "'name' is a required property", error("{`flavorRef`: `0`, `networks`: `none`}", V2_95));
        assertEquals("Invalid input for field/attribute server. Value: {'name': 'x', 'flavorRef': '0', "
                + "'description': 'd'}. Additional properties are not allowed ('description' was unexpected)",
                error("{`name`: `x`, `flavorRef`: `0`, `description`: `d`}", V2_1));
        assertEquals("Invalid input for field/attribute server/networks. Value: everything. 'everything' is not "
                + "valid under any of the given schemas", error("{`name`: `x`, `flavorRef`: `0`, "
                + "`networks`: `everything`}", V2_95));
        assertTrue(error("{`name`: `x`, `flavorRef`: `0`, `user_data`: `not base64!`}", V2_1)
                .endsWith("'not base64!' is not a 'base64'"));
        assertEquals("Missing imageRef attribute", error("{`name`: `x`, `flavorRef`: `0`}", V2_1));
        assertEquals("min_count must be <= max_count", error("{`name`: `x`, `flavorRef`: `0`, `imageRef`: `"
                + IMAGE + "`, `min_count`: 3, `max_count`: 2}", V2_1));
        // key_name is a name; whether the caller has such a key pair is the service's question
        assertTrue(error("{`name`: `x`, `flavorRef`: `0`, `imageRef`: `" + IMAGE + "`, `key_name`: ` k`}", V2_1)
                .contains("key_name"));
    }

    @Test
    void malformedNetworksAndGroupsAndVolumesThisDeploymentLacksAreRefusedAsNovaRefusesThem() {
        String image = "`imageRef`: `" + IMAGE + "`, ";
        ApiVersion v237 = ApiVersion.of(2, 37);
        assertEquals("Bad networks format: network uuid is not in proper format (n1)", error("{`name`: `x`, `flavorRef`: `0`, " + image
                + "`networks`: [{`uuid`: `n1`}]}", v237));
        assertTrue(error("{`name`: `x`, `flavorRef`: `0`, " + image + "`networks`: [{`port`: `p1`}]}", v237)
                .contains("'p1' is not a 'uuid'"), "a port is a uuid");
        assertEquals("Specified Fixed IP '198.18.0.1' cannot be used with port 'None': the two cannot be specified "
                + "together.", error("{`name`: `x`, `flavorRef`: `0`, " + image + "`networks`: [{`port`: null, "
                + "`fixed_ip`: `198.18.0.1`}]}", v237));
        assertEquals("Bad networks format: network uuid is not in proper format (None)", error("{`name`: `x`, "
                + "`flavorRef`: `0`, " + image + "`networks`: [{`uuid`: null}]}", v237));
        // a list, even an empty one, is no "auto": only 2.37's "auto" asks for a network to be found or refused
        assertNull(requests.create(of("{`server`: {`name`: `x`, `flavorRef`: `0`, " + image
                + "`networks`: []}}"), V2_1).network());
        assertNull(requests.create(of("{`server`: {`name`: `x`, `flavorRef`: `0`, `imageRef`: `" + IMAGE + "`}}"), V2_1)
                .network());
        assertEquals("auto", requests.create(of("{`server`: {`name`: `x`, `flavorRef`: `0`, " + image
                + "`networks`: `auto`}}"), v237).network());
        assertEquals("Unable to find security_group with name or id 'web'", error("{`name`: `x`, `flavorRef`: `0`, "
                + image + "`security_groups`: [{`name`: `default`}, {`name`: `web`}]}", V2_1));
        assertEquals(List.of("default"), requests.create(of("{`server`: {`name`: `x`, `flavorRef`: `0`, " + image
                + "`security_groups`: [{`name`: `default`}, {`name`: `default`}]}}"), V2_1).securityGroups());
        assertEquals("Block Device Mapping is Invalid: volume → local needs volumes, which this deployment does not "
                + "provide; only the image's local root disk is supported.", error("{`name`: `x`, `flavorRef`: `0`, "
                + image + "`block_device_mapping_v2`: [{`source_type`: `volume`}]}", V2_1));
        assertEquals("The requested availability zone contains ':'. Use the 'host' field or the 'zone:host' form, not "
                + "both.", error("{`name`: `x`, `flavorRef`: `0`, " + image + "`networks`: `none`, "
                + "`availability_zone`: `az:h1`, `host`: `h1`}", ApiVersion.of(2, 74)));
        assertEquals("h2", requests.create(of("{`server`: {`name`: `x`, `flavorRef`: `0`, " + image + "`networks`: "
                + "`none`, `availability_zone`: `az::node`, `host`: `h2`}}"), ApiVersion.of(2, 74)).forcedHost());
        assertEquals("Block Device Mapping is Invalid: the image mapping names image other but imageRef is " + IMAGE
                + ".", error("{`name`: `x`, `flavorRef`: `0`, " + image + "`block_device_mapping_v2`: [{`source_type`: "
                + "`image`, `uuid`: `other`}]}", V2_1));
    }

    @Test
    void personalityFilesAreReadAsGivenTheirLimitsBeingTheProjectsQuotas() {
        // how many, how long: QuotaEnforcer.checkServerContents, against the project's limits (ServerApiIT)
        String files = "[" + "{`path`: `/f`, `contents`: `aGk=`},".repeat(6).replaceAll(",$", "") + "]";
        ServerCreateRequest r = requests.create(of("{`server`: {`name`: `x`, `flavorRef`: `0`, `imageRef`: `" + IMAGE
                + "`, `personality`: " + files + "}}"), V2_1);
        assertEquals(6, r.files().size());
        assertEquals("/f", r.files().getFirst().path());
    }

    @Test
    void updateAndActions() {
        var update = requests.update(of("{`server`: {`description`: null, `name`: `n`}}"), V2_95);
        assertEquals("n", update.name());
        assertTrue(update.hasDescription());
        assertNull(update.description());
        assertEquals(new Power(ServerAction.REBOOT_SOFT), requests.action(of("{`reboot`: {`type`: `soft`}}"), V2_1));
        assertEquals(new Power(ServerAction.STOP), requests.action(of("{`os-stop`: null}"), V2_1));
        assertEquals("Invalid input for field/attribute reboot/type. Value: GENTLE. 'GENTLE' is not one of "
                + "['HARD', 'Hard', 'hard', 'SOFT', 'Soft', 'soft']", assertThrows(InvalidInputException.class,
                () -> requests.action(of("{`reboot`: {`type`: `GENTLE`}}"), V2_1)).getMessage());
        assertThrows(InvalidInputException.class, () -> requests.action(of("{`os-start`: ``}"), V2_1));
    }

    @Test
    void consoleOutputTakesALengthAsNovasSchemaDoes() {
        assertEquals(new ConsoleOutput(null), requests.action(of("{`os-getConsoleOutput`: {}}"), V2_1));
        assertEquals(new ConsoleOutput(null), requests.action(of("{`os-getConsoleOutput`: {`length`: null}}"), V2_1));
        assertEquals(new ConsoleOutput(3), requests.action(of("{`os-getConsoleOutput`: {`length`: 3}}"), V2_1));
        assertEquals(new ConsoleOutput(3), requests.action(of("{`os-getConsoleOutput`: {`length`: `3`}}"), V2_95));
        assertEquals(new ConsoleOutput(0), requests.action(of("{`os-getConsoleOutput`: {`length`: 0}}"), V2_1));
        assertEquals(new ConsoleOutput(null), requests.action(of("{`os-getConsoleOutput`: {`length`: -1}}"), V2_1));
        assertEquals(new ConsoleOutput(null), requests.action(of("{`os-getConsoleOutput`: {`length`: "
                + "99999999999999999999}}"), V2_1));
        assertEquals("Invalid input for field/attribute os-getConsoleOutput/length. Value: -2. -2 is less than the "
                + "minimum of -1", consoleError("{`length`: -2}"));
        assertEquals("Invalid input for field/attribute os-getConsoleOutput/length. Value: -5. -5 is less than the "
                + "minimum of -1", consoleError("{`length`: `-5`}"));
        assertEquals("Invalid input for field/attribute os-getConsoleOutput/length. Value: NaN. 'NaN' does not match "
                + "'^-?[0-9]+$'", consoleError("{`length`: `NaN`}"));
        assertTrue(consoleError("{`length`: 2.5}").endsWith("2.5 is not of type 'integer', 'string', 'null'"));
        assertTrue(consoleError("{`length`: true}").endsWith("True is not of type 'integer', 'string', 'null'"));
        assertTrue(consoleError("{`lines`: 2}").endsWith("Additional properties are not allowed ('lines' was unexpected)"));
        assertThrows(InvalidInputException.class, () -> requests.action(of("{`os-getConsoleOutput`: null}"), V2_1));
    }

    private String consoleError(String body) {
        return assertThrows(InvalidInputException.class, () -> requests.action(of("{`os-getConsoleOutput`: " + body
                + "}"), V2_1)).getMessage();
    }

    @Test
    void evacuateIsReadAsEachMicroversionDeclaresIt() {
        assertEquals(new EvacuationRequest("h2", false, true, null, true, false),
                requests.action(of("{`evacuate`: {`host`: `h2`, `onSharedStorage`: `True`}}"), V2_1));
        assertEquals(new EvacuationRequest(null, false, false, "secret", true, false),
                requests.action(of("{`evacuate`: {`onSharedStorage`: false, `adminPass`: `secret`}}"), V2_1));
        // from 2.14 the storage question is gone and the password is no longer answered
        assertEquals(new EvacuationRequest(null, false, false, null, false, false),
                requests.action(of("{`evacuate`: {}}"), ApiVersion.of(2, 14)));
        assertEquals(new EvacuationRequest("h2", true, false, null, false, false),
                requests.action(of("{`evacuate`: {`host`: `h2`, `force`: `yes`}}"), ApiVersion.of(2, 29)));
        assertEquals(new EvacuationRequest(null, false, false, null, false, true),
                requests.action(of("{`evacuate`: {}}"), V2_95));

        assertEquals("Invalid input for field/attribute evacuate. Value: {}. 'onSharedStorage' is a required property",
                evacuateError("{}", V2_1));
        assertEquals("Invalid input for field/attribute evacuate. Value: {'onSharedStorage': False}. Additional "
                + "properties are not allowed ('onSharedStorage' was unexpected)",
                evacuateError("{`onSharedStorage`: false}", ApiVersion.of(2, 14)));
        for (ApiVersion noForce : List.of(ApiVersion.of(2, 28), ApiVersion.of(2, 68))) {
            assertTrue(evacuateError("{`host`: `h2`, `force`: true}", noForce)
                    .endsWith("Additional properties are not allowed ('force' was unexpected)"), noForce.toString());
        }
        assertEquals("Invalid input for field/attribute evacuate/force. Value: maybe. 'maybe' is not one of "
                + "[True, 'True', 'TRUE', 'true', '1', 'ON', 'On', 'on', 'YES', 'Yes', 'yes', 'y', 't', False, 'False', "
                + "'FALSE', 'false', '0', 'OFF', 'Off', 'off', 'NO', 'No', 'no', 'n', 'f']",
                evacuateError("{`force`: `maybe`}", ApiVersion.of(2, 29)));
        assertEquals("Invalid input for field/attribute evacuate/host. Value: a b. 'a b' does not match "
                + "'^[a-zA-Z0-9-._]*$'", evacuateError("{`host`: `a b`}", V2_95));
        assertTrue(evacuateError("{`adminPass`: 1}", V2_95).endsWith("1 is not of type 'string'"));
        assertThrows(InvalidInputException.class, () -> requests.action(of("{`evacuate`: {}, `os-stop`: null}"),
                V2_95));
    }

    @Test
    void listQueriesAreTypedAndStrictFrom275() {
        ServerRequests.ListRequest r = requests.list(Map.of("status", List.of("ACTIVE,SHUTOFF"), "sort_key",
                List.of("display_name", "memory_mb"), "image", List.of("http://x/images/abc"), "all_tenants",
                List.of(""), "limit", List.of("5000")), V2_1, 1000);
        ServerQuery q = r.query();
        assertEquals(Map.of("image", "abc"), q.equal());
        assertEquals(List.of(new ServerQuery.SortKey("display_name", true)), q.sort());
        assertEquals(1000, q.limit());
        assertTrue(r.allTenants());
        assertTrue(q.states().size() >= 2);
        assertThrows(InvalidInputException.class, () -> requests.list(Map.of("frobnicate", List.of("1")),
                ApiVersion.of(2, 75), 1000));
        requests.list(Map.of("frobnicate", List.of("1")), ApiVersion.of(2, 74), 1000);
        assertThrows(InvalidInputException.class, () -> requests.list(Map.of("sort_key", List.of("memory_mb")),
                ApiVersion.of(2, 75), 1000));
        assertThrows(InvalidInputException.class, () -> requests.list(Map.of("status", List.of("SLEEPY")),
                ApiVersion.of(2, 38), 1000));
        assertEquals(List.of(), requests.list(Map.of("status", List.of("SLEEPY")), ApiVersion.of(2, 37), 1000)
                .query().states());
        for (String internal : List.of("_deleted", "metadata", "services")) {
            assertEquals("Invalid filter field: " + internal + ".", assertThrows(InvalidInputException.class, () ->
                    requests.list(Map.of(internal, List.of("1")), ApiVersion.of(2, 1), 1000)).getMessage());
        }
        assertEquals("Invalid input for query parameters limit. Value: -1. '-1' does not match '^[0-9]+$'",
                assertThrows(InvalidInputException.class, () -> requests.list(Map.of("limit", List.of("-1")),
                        V2_1, 1000)).getMessage());
    }

    private String evacuateError(String evacuate, ApiVersion version) {
        return assertThrows(InvalidInputException.class,
                () -> requests.action(of("{`evacuate`: " + evacuate + "}"), version)).getMessage();
    }

    private String error(String server, ApiVersion version) {
        return assertThrows(InvalidInputException.class,
                () -> requests.create(of("{`server`: " + server + "}"), version)).getMessage();
    }
}
