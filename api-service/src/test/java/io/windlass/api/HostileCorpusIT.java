package io.windlass.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.windlass.api.validation.RequestSchemas;
import io.windlass.testing.RpcQueueProbe;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several hundred malformed or hostile requests across every API family: wrong types for every
 * declared field (taken from the request schemas themselves), missing and unknown members, bodies
 * that are not JSON objects, invalid UTF-8, deep nesting, NUL characters, wrong content types, bad
 * microversions, bad ids and path traversal, bogus list parameters, methods not allowed. Each must
 * get a 4xx in its family's own error format with a request id, no stack trace or class name, and
 * leave no row and no message behind.
 */
@QuarkusTest
class HostileCorpusIT {
    private static final Pattern REQUEST_ID =
            Pattern.compile("req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** What must never reach a client: traces, class and package names, SQL. */
    private static final List<String> LEAKS = List.of("\tat ", "Exception", "java.", "io.windlass", "com.fasterxml",
            "org.hibernate", "jakarta.", "SQL", "select ", "insert into");
    private static final String MISSING_ID = "6f1c3a44-0d52-4e2f-9c6b-5c1d2f3a4b5c";

    @Inject
    RequestSchemas schemas;
    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;

    /** One hostile request; {@code family} decides which error body is right. */
    record Hostile(String family, String method, String path, Map<String, String> headers, String contentType,
                   byte[] body, String what) {
    }

    /** A request body that its schema accepts, the object in it whose members get mutated, and where it goes. */
    record Endpoint(String family, String method, String path, String version, String schema, String body,
                    String member) {
    }

    private static final List<Endpoint> WRITES = List.of(
            new Endpoint("zun", "POST", "/container/v1/containers", "container 1.40", "container/containers/create",
                    "{\"image\": \"busybox\", \"name\": \"hostile\"}", null),
            new Endpoint("zun", "PATCH", "/container/v1/containers/" + MISSING_ID, "container 1.40",
                    "container/containers/update", "{\"name\": \"hostile\"}", null),
            new Endpoint("zun", "POST", "/container/v1/capsules", "container 1.40", "container/capsules/create",
                    "{\"template\": {\"kind\": \"capsule\", \"spec\": {\"containers\": [{\"image\": \"busybox\"}]}}}",
                    "template"),
            new Endpoint("nova", "POST", "/compute/v2.1/servers", "compute 2.79", "compute/servers/create",
                    "{\"server\": {\"name\": \"hostile\", \"flavorRef\": \"1\", \"imageRef\": \"" + MISSING_ID
                            + "\", \"networks\": \"none\"}}", "server"),
            new Endpoint("nova", "PUT", "/compute/v2.1/servers/" + MISSING_ID, "compute 2.79",
                    "compute/servers/update", "{\"server\": {\"name\": \"hostile\"}}", "server"),
            new Endpoint("nova", "POST", "/compute/v2.1/flavors", "compute 2.79", "compute/flavors/create",
                    "{\"flavor\": {\"name\": \"hostile\", \"ram\": 64, \"vcpus\": 1, \"disk\": 1}}", "flavor"),
            new Endpoint("nova", "POST", "/compute/v2.1/os-aggregates", "compute 2.79", "compute/aggregates/create",
                    "{\"aggregate\": {\"name\": \"hostile\"}}", "aggregate"),
            new Endpoint("nova", "PUT", "/compute/v2.1/os-aggregates/999999", "compute 2.79",
                    "compute/aggregates/update", "{\"aggregate\": {\"name\": \"hostile\"}}", "aggregate"),
            new Endpoint("keystone", "POST", "/v3/users", null, "identity/users/create",
                    "{\"user\": {\"name\": \"hostile\"}}", "user"),
            new Endpoint("keystone", "POST", "/v3/projects", null, "identity/projects/create",
                    "{\"project\": {\"name\": \"hostile\"}}", "project"),
            new Endpoint("keystone", "POST", "/v3/auth/tokens", null, "identity/auth/tokens",
                    "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": {\"name\": "
                            + "\"admin\", \"domain\": {\"id\": \"default\"}, \"password\": \"wrong\"}}}}}", "auth"));

    /** A value of each JSON type; a field gets those its schema's {@code type} does not allow. */
    private static final Map<String, String> OF_TYPE = Map.of("object", "{\"hostile\": {}}", "array", "[[\"x\"]]",
            "string", "\"hostile\"", "integer", "12345", "number", "1.5", "boolean", "true");

    @Test
    void everyHostileRequestGetsItsFamilysRefusalAndLeavesNothing() throws Exception {
        List<Hostile> corpus = corpus();
        assertTrue(corpus.size() >= 300, "a corpus of at least 300 requests, not " + corpus.size());
        Map<String, Long> before = counts();
        List<String> deviations = new ArrayList<>();
        try (RpcQueueProbe conductor = RpcQueueProbe.on("conductor", json)) {
            for (Hostile h : corpus) {
                String deviation = deviation(h, send(h));
                if (deviation != null) {
                    deviations.add(h.method() + " " + h.path() + " (" + h.what() + "): " + deviation);
                }
            }
            Thread.sleep(300);
            assertTrue(conductor.drain().isEmpty(), "a refused request sent something to the conductor");
        }
        assertTrue(deviations.isEmpty(), deviations.size() + " of " + corpus.size() + " requests deviate:\n"
                + String.join("\n", deviations.subList(0, Math.min(40, deviations.size()))));
        assertEquals(before, counts(), "a refused request left rows behind");
    }

    private List<Hostile> corpus() throws Exception {
        List<Hostile> corpus = new ArrayList<>();
        for (Endpoint e : WRITES) {
            corpus.addAll(bodies(e));
            corpus.addAll(fieldsOfTheWrongType(e));
        }
        corpus.addAll(paths());
        corpus.addAll(queries());
        corpus.addAll(versionsAndMethods());
        return corpus;
    }

    /** Bodies that are not the JSON object asked for, or carry what no field may. */
    private List<Hostile> bodies(Endpoint e) throws Exception {
        List<Hostile> out = new ArrayList<>();
        for (String junk : List.of("", "{", "{\"a\": }", "[1,", "nul", "\"just a string\"", "[]", "1", "null", "true",
                "{\"a\": 1} trailing", "{'single': 'quotes'}")) {
            out.add(request(e, "application/json", junk.getBytes(StandardCharsets.UTF_8), "body " + junk));
        }
        // the body is ASCII: in Latin-1, "\u00C3(" is the bytes 0xC3 0x28, a lead byte nothing can follow
        byte[] invalidUtf8 = e.body().replaceFirst("hostile|busybox|admin", "\u00C3(")
                .getBytes(StandardCharsets.ISO_8859_1);
        out.add(request(e, "application/json", invalidUtf8, "invalid UTF-8"));
        out.add(request(e, "application/json", ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8),
                "nested 5000 deep"));
        out.add(request(e, "application/json", e.body().replaceFirst("hostile|busybox|admin", "ho\\\\u0000stile")
                .getBytes(StandardCharsets.UTF_8), "NUL in a value"));
        out.add(request(e, "text/plain", e.body().getBytes(StandardCharsets.UTF_8), "text/plain"));
        out.add(request(e, "application/xml", "<server/>".getBytes(StandardCharsets.UTF_8), "XML"));
        // Keystone keeps a user's unknown members as extra attributes: for users they are no hostile input
        if (!e.path().endsWith("/v3/users")) {
            ObjectNode unknown = (ObjectNode) json.readTree(e.body());
            target(unknown, e).put("hostile_unknown_member", "x");
            out.add(request(e, "application/json", json.writeValueAsBytes(unknown), "unknown member"));
        }
        return out;
    }

    /** Every member the schema declares with a type, given each JSON type the schema does not allow. */
    private List<Hostile> fieldsOfTheWrongType(Endpoint e) throws Exception {
        JsonNode schema = schemas.get(e.schema());
        JsonNode properties = e.member() == null ? schema.path("properties")
                : schema.path("properties").path(e.member()).path("properties");
        List<Hostile> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            JsonNode type = property.getValue().path("type");
            if (type.isMissingNode()) {
                continue;
            }
            Set<String> allowed = type.isArray() ? Set.copyOf(StreamSupport.stream(type.spliterator(), false)
                    .map(JsonNode::asText).toList()) : Set.of(type.asText());
            for (Map.Entry<String, String> value : OF_TYPE.entrySet()) {
                String t = value.getKey();
                // an integer is a number too
                if (allowed.contains(t) || allowed.contains("number") && t.equals("integer")) {
                    continue;
                }
                ObjectNode body = (ObjectNode) json.readTree(e.body());
                target(body, e).set(property.getKey(), json.readTree(value.getValue()));
                out.add(request(e, "application/json", json.writeValueAsBytes(body),
                        property.getKey() + " as " + t));
            }
        }
        return out;
    }

    private static ObjectNode target(ObjectNode body, Endpoint e) {
        return e.member() == null ? body : (ObjectNode) body.get(e.member());
    }

    /** Ids that are not ids: traversal, injection, other alphabets, NUL, on every family's show and delete. */
    private List<Hostile> paths() {
        List<Hostile> out = new ArrayList<>();
        Map<String, String> resources = new LinkedHashMap<>();
        resources.put("/container/v1/containers/", "zun");
        resources.put("/container/v1/capsules/", "zun");
        resources.put("/compute/v2.1/servers/", "nova");
        resources.put("/compute/v2.1/flavors/", "nova");
        resources.put("/compute/v2.1/os-aggregates/", "nova");
        resources.put("/v3/users/", "keystone");
        resources.put("/v3/projects/", "keystone");
        resources.put("/image/v2/images/", "glance");
        for (Map.Entry<String, String> resource : resources.entrySet()) {
            // ("%2e%2e" is not here: the server resolves it to the parent, as a browser would)
            for (String id : List.of("..%2F..%2Fetc%2Fpasswd", "..%2F", "1'%20OR%20'1'%3D'1", "%E2%98%83",
                    "x".repeat(1000), "%00", "-1", "%20")) {
                for (String method : List.of("GET", "DELETE")) {
                    out.add(new Hostile(resource.getValue(), method, resource.getKey() + id, version(resource.getValue()),
                            null, null, "id " + (id.length() > 20 ? id.substring(0, 20) + "..." : id)));
                }
            }
        }
        return out;
    }

    /**
     * List parameters of the wrong kind: those every list refuses, then those only some do (upstream
     * clamps a huge limit, and Zun's capsules, Nova's flavors and Glance take unknown parameters
     * as filters or ignore them, so those are not hostile there).
     */
    private List<Hostile> queries() {
        List<Hostile> out = new ArrayList<>();
        Map<String, String> lists = new LinkedHashMap<>();
        lists.put("/container/v1/containers", "zun");
        lists.put("/container/v1/capsules", "zun");
        lists.put("/compute/v2.1/servers/detail", "nova");
        lists.put("/compute/v2.1/flavors/detail", "nova");
        lists.put("/image/v2/images", "glance");
        Map<String, List<String>> only = Map.of(
                "/container/v1/containers", List.of("hostile_parameter=1", "all_projects=maybe", "memory=lots"),
                "/compute/v2.1/servers/detail", List.of("hostile_parameter=1", "changes-since=yesterday",
                        "status=SLEEPY", "ip=%5B", "ip6=(%3F%3Cn%3E1)", "power_state=on", "locked=maybe"));
        for (Map.Entry<String, String> list : lists.entrySet()) {
            List<String> queries = new ArrayList<>(List.of("limit=-1", "limit=abc", "limit=1.5", "limit=",
                    "marker=" + MISSING_ID, "marker=%00", "sort_key=hostile", "sort_dir=sideways", "sort_key=%27"));
            queries.addAll(only.getOrDefault(list.getKey(), List.of()));
            for (String query : queries) {
                out.add(new Hostile(list.getValue(), "GET", list.getKey() + "?" + query, version(list.getValue()),
                        null, null, "query " + query));
            }
        }
        return out;
    }

    /** Microversions that do not exist and methods that no resource has. */
    private List<Hostile> versionsAndMethods() {
        List<Hostile> out = new ArrayList<>();
        for (String v : List.of("container 9.99", "container 0.1", "container abc", "container 1.")) {
            out.add(new Hostile("zun", "GET", "/container/v1/containers", Map.of("OpenStack-API-Version", v), null,
                    null, "version " + v));
        }
        for (String v : List.of("compute 9.99", "compute 2.0", "compute abc", "compute 2.")) {
            out.add(new Hostile("nova", "GET", "/compute/v2.1/servers", Map.of("OpenStack-API-Version", v), null,
                    null, "version " + v));
        }
        out.add(new Hostile("nova", "GET", "/compute/v2.1/servers", Map.of("X-OpenStack-Nova-API-Version", "9.99"),
                null, null, "legacy version header 9.99"));
        for (String[] m : new String[][] {{"zun", "PUT", "/container/v1/containers"},
                {"zun", "DELETE", "/container/v1/containers"}, {"zun", "PUT", "/container/v1/capsules"},
                {"nova", "DELETE", "/compute/v2.1/servers"}, {"nova", "PATCH", "/compute/v2.1/servers"},
                {"nova", "POST", "/compute/v2.1/flavors/1"}, {"nova", "PATCH", "/compute/v2.1/os-aggregates"},
                {"keystone", "PATCH", "/v3/auth/tokens"}, {"keystone", "PUT", "/v3/users"},
                {"glance", "POST", "/image/v2/images/" + MISSING_ID}}) {
            out.add(new Hostile(m[0], m[1], m[2], version(m[0]), null, null, "method " + m[1]));
        }
        return out;
    }

    private static Map<String, String> version(String family) {
        return switch (family) {
            case "zun" -> Map.of("OpenStack-API-Version", "container 1.40");
            case "nova" -> Map.of("OpenStack-API-Version", "compute 2.79");
            default -> Map.of();
        };
    }

    private static Hostile request(Endpoint e, String contentType, byte[] body, String what) {
        return new Hostile(e.family(), e.method(), e.path(),
                e.version() == null ? Map.of() : Map.of("OpenStack-API-Version", e.version()), contentType, body, what);
    }

    private static Response send(Hostile h) {
        RequestSpecification spec = given().urlEncodingEnabled(false).headers(h.headers());
        if (h.body() != null) {
            spec = spec.contentType(h.contentType()).body(h.body());
        }
        return spec.request(h.method(), h.path());
    }

    /** @return what is wrong with the answer, or null */
    private String deviation(Hostile h, Response r) {
        int status = r.statusCode();
        String body = r.asString();
        if (status < 400 || status >= 500) {
            return "answered " + status + ": " + abbreviate(body);
        }
        String id = r.header("X-OpenStack-Request-Id");
        if (id == null || !REQUEST_ID.matcher(id).matches()) {
            return status + " without a request id";
        }
        for (String leak : LEAKS) {
            if (body.contains(leak)) {
                return status + " shows '" + leak.strip() + "': " + abbreviate(body);
            }
        }
        try {
            return switch (h.family()) {
                case "zun" -> {
                    JsonNode error = json.readTree(body).path("errors").path(0);
                    yield error.path("status").asInt() == status && error.path("code").asText().startsWith("container.")
                            && !error.path("detail").asText().isBlank() ? null : "not a Zun error: " + abbreviate(body);
                }
                case "nova" -> {
                    JsonNode root = json.readTree(body);
                    JsonNode fault = root.size() == 1 ? root.elements().next() : null;
                    yield fault != null && fault.path("code").asInt() == status
                            && !fault.path("message").asText().isBlank() ? null : "not a Nova fault: " + abbreviate(body);
                }
                case "keystone" -> {
                    JsonNode error = json.readTree(body).path("error");
                    yield error.path("code").asInt() == status && !error.path("message").asText().isBlank() ? null
                            : "not a Keystone error: " + abbreviate(body);
                }
                default -> body.startsWith(status + " ") ? null : "not a Glance error: " + abbreviate(body);
            };
        } catch (Exception e) {
            return status + " with a body that is not its family's JSON: " + abbreviate(body);
        }
    }

    private static String abbreviate(String body) {
        String oneLine = body.replace('\n', ' ');
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }

    private Map<String, Long> counts() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : List.of("containers", "capsules", "servers", "flavors", "aggregates", "rpc_outbox",
                    "identity_users", "identity_projects")) {
                counts.put(table, ((Number) em.createNativeQuery("select count(*) from " + table).getSingleResult())
                        .longValue());
            }
            return counts;
        });
    }
}
