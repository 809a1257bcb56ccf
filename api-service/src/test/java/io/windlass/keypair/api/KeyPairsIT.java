package io.windlass.keypair.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.windlass.testing.ProjectMember;
import io.windlass.testing.RealTokens;
import io.windlass.testing.ServerRows;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Nova's {@code os-keypairs} with real tokens, checked against OpenSSH's own tools where a key's
 * form matters: a generated private key is one {@code ssh-keygen} reads back to the public key
 * answered, and an imported key's fingerprint is the one {@code ssh-keygen -l -E md5} prints.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class KeyPairsIT {
    @Inject
    ServerRows rows;

    private String admin;
    private String project;
    private String member;
    private String memberId;
    private String other;

    @BeforeEach
    void twoUsersOfAProject() {
        ProjectMember users = ProjectMember.create("keys");
        admin = users.admin();
        project = users.project();
        memberId = users.memberId();
        member = users.member();
        other = users.anotherMember("2");
        rows.hostWithImage("host-keys");
    }

    private static ValidatableResponse api(String token, String version, String method, String path, Object body) {
        var request = given().header("X-Auth-Token", token).header("OpenStack-API-Version", "compute " + version)
                .contentType("application/json");
        if (body != null) {
            request = request.body(body);
        }
        return request.when().request(method, "/compute/v2.1/os-keypairs" + path).then();
    }

    private static Map<String, Object> keypair(Object... fields) {
        Map<String, Object> k = new java.util.LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            k.put((String) fields[i], fields[i + 1]);
        }
        return Map.of("keypair", k);
    }

    private static String sshKeygen(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("ssh-keygen"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), "ssh-keygen " + String.join(" ", args) + ": " + out);
        return out.strip();
    }

    @Test
    void aGeneratedKeyIsOneOpenSshReadsBackAndItsPrivateHalfIsShownOnce() throws Exception {
        var created = api(member, "2.1", "POST", "", keypair("name", "gen")).statusCode(200)
                .body("keypair.name", equalTo("gen")).body("keypair.user_id", equalTo(memberId))
                .body("keypair", not(hasKey("type")))
                .body("keypair.public_key", allOf(startsWith("ssh-rsa "), endsWith(" Generated-by-Nova")))
                .body("keypair.fingerprint", matchesPattern("([0-9a-f]{2}:){15}[0-9a-f]{2}"))
                .body("keypair.private_key", startsWith("-----BEGIN RSA PRIVATE KEY-----\n"))
                .extract().jsonPath();
        Path dir = Files.createTempDirectory("keys");
        Path privateKey = dir.resolve("id_rsa");
        Files.writeString(privateKey, created.getString("keypair.private_key"));
        Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
        String publicKey = created.getString("keypair.public_key");
        assertEquals(publicKey.substring(0, publicKey.lastIndexOf(' ')), sshKeygen("-y", "-f", privateKey.toString()));
        Files.writeString(dir.resolve("id_rsa.pub"), publicKey + "\n");
        assertEquals("MD5:" + created.getString("keypair.fingerprint"),
                sshKeygen("-l", "-E", "md5", "-f", dir.resolve("id_rsa.pub").toString()).split(" ")[1]);

        api(member, "2.2", "GET", "/gen", null).statusCode(200).body("keypair.type", equalTo("ssh"))
                .body("keypair.public_key", equalTo(publicKey)).body("keypair", not(hasKey("private_key")))
                .body("keypair.id", org.hamcrest.Matchers.instanceOf(Integer.class))
                .body("keypair.deleted", equalTo(false)).body("keypair.deleted_at", nullValue())
                .body("keypair.updated_at", nullValue())
                .body("keypair.created_at", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}"));
    }

    @Test
    void anImportedKeyKeepsItsFingerprintAndBadKeysNamesAndClashesAreRefusedInNovasWords() throws Exception {
        Path dir = Files.createTempDirectory("keys");
        sshKeygen("-q", "-t", "ed25519", "-N", "", "-C", "me@laptop", "-f", dir.resolve("k").toString());
        String publicKey = Files.readString(dir.resolve("k.pub")).strip();
        String md5 = sshKeygen("-l", "-E", "md5", "-f", dir.resolve("k.pub").toString()).split(" ")[1];

        api(member, "2.2", "POST", "", keypair("name", "laptop", "public_key", publicKey)).statusCode(201)
                .body("keypair.type", equalTo("ssh")).body("keypair.public_key", equalTo(publicKey))
                .body("keypair.fingerprint", equalTo(md5.substring("MD5:".length())))
                .body("keypair", not(hasKey("private_key")));
        api(member, "2.2", "POST", "", keypair("name", "laptop", "public_key", publicKey)).statusCode(409)
                .body("conflictingRequest.message", equalTo("Key pair 'laptop' already exists."));
        // another user has a namespace of their own
        api(other, "2.2", "POST", "", keypair("name", "laptop", "public_key", publicKey)).statusCode(201);

        api(member, "2.2", "POST", "", keypair("name", "bad", "public_key", "ssh-rsa " + "A".repeat(2048)))
                .statusCode(400).body("badRequest.message",
                        equalTo("Keypair data is invalid: failed to generate fingerprint"));
        api(member, "2.2", "POST", "", keypair("name", "bad", "public_key", "")).statusCode(400);
        api(member, "2.2", "POST", "", keypair("name", "bad", "public_key", publicKey, "type", "x509"))
                .statusCode(400).body("badRequest.message",
                        startsWith("Keypair data is invalid: failed to generate X509 fingerprint."));
        api(member, "2.2", "POST", "", keypair("name", "a/b", "public_key", publicKey)).statusCode(400)
                .body("badRequest.message", containsString("name"));
        api(member, "2.2", "POST", "", keypair("name", "x".repeat(256), "public_key", publicKey)).statusCode(400);
        api(member, "2.1", "POST", "", keypair("name", "t", "public_key", publicKey, "type", "ssh")).statusCode(400);
        // 2.92: imported only, and names may hold '@' and '.'
        api(member, "2.92", "POST", "", keypair("name", "gen")).statusCode(400)
                .body("badRequest.message", containsString("'public_key' is a required property"));
        api(member, "2.91", "POST", "", keypair("name", "me@laptop.x", "public_key", publicKey)).statusCode(400);
        api(member, "2.92", "POST", "", keypair("name", "me@laptop.x", "public_key", publicKey)).statusCode(201);
        // nothing half-made
        api(member, "2.2", "GET", "", null).statusCode(200).body("keypairs.keypair.name",
                equalTo(List.of("laptop", "me@laptop.x")));
    }

    @Test
    void anX509PairIsAWinRmCertificateAndItsImportKeepsTheFingerprint() {
        var made = api(member, "2.2", "POST", "", keypair("name", "winrm", "type", "x509")).statusCode(201)
                .body("keypair.type", equalTo("x509"))
                .body("keypair.public_key", startsWith("-----BEGIN CERTIFICATE-----"))
                .body("keypair.fingerprint", matchesPattern("([0-9a-f]{2}:){19}[0-9a-f]{2}"))
                .extract().jsonPath();
        byte[] bundle = java.util.Base64.getDecoder().decode(made.getString("keypair.private_key"));
        assertEquals(0x30, bundle[0] & 0xff, "a DER PKCS#12 bundle");
        api(member, "2.2", "POST", "", keypair("name", "winrm-2", "type", "x509", "public_key",
                made.getString("keypair.public_key"))).statusCode(201)
                .body("keypair.fingerprint", equalTo(made.getString("keypair.fingerprint")));
    }

    @Test
    void pagesAndUsersAsNovaHasThem() {
        for (String name : List.of("a", "b", "c")) {
            api(member, "2.1", "POST", "", keypair("name", name)).statusCode(200);
        }
        api(member, "2.35", "GET", "?limit=2", null).statusCode(200)
                .body("keypairs.keypair.name", equalTo(List.of("a", "b")))
                .body("keypairs_links[0].rel", equalTo("next"))
                .body("keypairs_links[0].href", allOf(containsString("/os-keypairs?"), containsString("marker=b")));
        api(member, "2.35", "GET", "?limit=2&marker=b", null).statusCode(200)
                .body("keypairs.keypair.name", equalTo(List.of("c"))).body("$", not(hasKey("keypairs_links")));
        api(member, "2.35", "GET", "?marker=nope", null).statusCode(400)
                .body("badRequest.message", equalTo("Marker nope could not be found."));
        // before 2.35 paging parameters are ignored; from 2.75 unknown ones are refused
        api(member, "2.34", "GET", "?limit=1", null).statusCode(200).body("keypairs.size()", equalTo(3));
        api(member, "2.75", "GET", "?foo=1", null).statusCode(400);

        // another user sees none of them, may not name the owner, and an admin may
        api(other, "2.10", "GET", "", null).statusCode(200).body("keypairs.size()", equalTo(0));
        api(other, "2.10", "GET", "/a", null).statusCode(404).body("itemNotFound.message", startsWith("Keypair a not found"));
        api(other, "2.10", "GET", "/a?user_id=" + memberId, null).statusCode(403);
        api(other, "2.10", "DELETE", "/a?user_id=" + memberId, null).statusCode(403);
        api(admin, "2.10", "GET", "?user_id=" + memberId, null).statusCode(200).body("keypairs.size()", equalTo(3));
        api(admin, "2.10", "GET", "/a?user_id=" + memberId, null).statusCode(200)
                .body("keypair.user_id", equalTo(memberId));
        api(admin, "2.10", "POST", "", keypair("name", "given", "user_id", memberId)).statusCode(201)
                .body("keypair.user_id", equalTo(memberId));
        api(other, "2.10", "POST", "", keypair("name", "given", "user_id", memberId)).statusCode(403);

        api(member, "2.1", "DELETE", "/a", null).statusCode(202);
        api(member, "2.2", "DELETE", "/b", null).statusCode(204);
        api(member, "2.2", "DELETE", "/b", null).statusCode(404);
        api(admin, "2.10", "DELETE", "/c?user_id=" + memberId, null).statusCode(204);
        api(member, "2.2", "GET", "", null).statusCode(200).body("keypairs.keypair.name", equalTo(List.of("given")));
    }

    @Test
    void theKeyPairQuotaCountsTheUsersPairs() {
        given().header("X-Auth-Token", admin).contentType("application/json")
                .body(Map.of("quota_set", Map.of("key_pairs", 1))).put("/compute/v2.1/os-quota-sets/" + project)
                .then().statusCode(200);
        api(member, "2.2", "POST", "", keypair("name", "one")).statusCode(201);
        api(member, "2.2", "POST", "", keypair("name", "two")).statusCode(403)
                .body("forbidden.message", equalTo("Quota exceeded, too many key pairs."));
        api(member, "2.2", "GET", "", null).statusCode(200).body("keypairs.size()", equalTo(1));
    }

    @Test
    void aServerIsBootedWithTheCallersKeyAndAnUnknownKeyIsRefused() {
        String publicKey = api(member, "2.2", "POST", "", keypair("name", "boot")).statusCode(201).extract()
                .path("keypair.public_key");
        var servers = given().header("X-Auth-Token", member).header("OpenStack-API-Version", "compute 2.95")
                .contentType("application/json");
        servers.body(Map.of("server", Map.of("name", "k", "flavorRef", "0", "imageRef", ServerRows.IMAGE_ID,
                "networks", "none", "key_name", "nope"))).post("/compute/v2.1/servers").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid key_name provided."));
        // another user's key of the same project is not the caller's
        given().header("X-Auth-Token", other).header("OpenStack-API-Version", "compute 2.95")
                .contentType("application/json").body(Map.of("server", Map.of("name", "k", "flavorRef", "0",
                        "imageRef", ServerRows.IMAGE_ID, "networks", "none", "key_name", "boot")))
                .post("/compute/v2.1/servers").then().statusCode(400);
        String id = given().header("X-Auth-Token", member).header("OpenStack-API-Version", "compute 2.95")
                .contentType("application/json").body(Map.of("server", Map.of("name", "k", "flavorRef", "0",
                        "imageRef", ServerRows.IMAGE_ID, "networks", "none", "key_name", "boot")))
                .post("/compute/v2.1/servers").then().statusCode(202).extract().path("server.id");
        given().header("X-Auth-Token", member).get("/compute/v2.1/servers/" + id).then().statusCode(200)
                .body("server.key_name", equalTo("boot"));
        assertEquals(List.of("boot", publicKey, "ssh"), rows.keyOf(id));
        // the server keeps its key when the pair goes
        api(member, "2.2", "DELETE", "/boot", null).statusCode(204);
        given().header("X-Auth-Token", member).get("/compute/v2.1/servers/" + id).then().statusCode(200)
                .body("server.key_name", equalTo("boot"));
    }
}
