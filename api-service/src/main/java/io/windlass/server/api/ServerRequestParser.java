package io.windlass.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.error.ApiException;
import io.windlass.api.microversion.ApiVersion;
import io.windlass.api.validation.OsloBoolean;
import io.windlass.compute.api.ComputeInput;
import io.windlass.quota.QuotaConfig;
import io.windlass.server.InjectedFile;
import io.windlass.server.service.ServerCreateRequest;
import io.windlass.server.service.ServerUpdate;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Nova's request schemas for servers ({@code nova/api/openstack/compute/schemas/servers.py}) at
 * the request's microversion, with messages in jsonschema's words naming the field. What
 * Windlass cannot provide (volumes, ports, key pairs, tags) is refused with a 400 saying so,
 * rather than accepted and ignored.
 */
@ApplicationScoped
public class ServerRequestParser {
    private static final int MAX_LENGTH = 255;
    private static final int MAX_USER_DATA = 65535;
    // printable, no leading or trailing whitespace (Nova's "name" parameter type)
    private static final Pattern NAME = Pattern.compile("^(?!\\s)[\\p{Print}\\p{L}\\p{N}]*(?<!\\s)$");
    private static final Pattern PRINTABLE = Pattern.compile("^[\\p{Print}\\p{L}\\p{N}\\s]*$");
    private static final Pattern METADATA_KEY = Pattern.compile("^[a-zA-Z0-9-_:. ]{1,255}$");
    private static final Pattern HOST = Pattern.compile("^[a-zA-Z0-9-._]{1,255}$");
    private static final Pattern HOSTNAME_290 = Pattern.compile("^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$");
    private static final Pattern POSITIVE = Pattern.compile("^[0-9]*[1-9][0-9]*$");

    private static final ApiVersion DESCRIPTION = ApiVersion.of(2, 19);
    private static final ApiVersion NETWORKS_REQUIRED = ApiVersion.of(2, 37);
    private static final ApiVersion TAGS = ApiVersion.of(2, 52);
    private static final ApiVersion NO_PERSONALITY = ApiVersion.of(2, 57);
    private static final ApiVersion TRUSTED_CERTS = ApiVersion.of(2, 63);
    private static final ApiVersion HOST_FIELDS = ApiVersion.of(2, 74);
    private static final ApiVersion HOSTNAME = ApiVersion.of(2, 90);

    private final QuotaConfig quotas;

    public ServerRequestParser(QuotaConfig quotas) {
        this.quotas = quotas;
    }

    /** {@code {"server": {...}, "os:scheduler_hints"?: {...}}}. */
    public ServerCreateRequest create(JsonNode body, ApiVersion version) {
        if (body == null || !body.isObject()) {
            throw ComputeInput.badRequest("Malformed request body");
        }
        Set<String> envelope = Set.of("server", "os:scheduler_hints", "OS-SCH-HNT:scheduler_hints");
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!envelope.contains(key)) {
                throw ComputeInput.invalid("", body, additional(key));
            }
        }
        JsonNode server = body.get("server");
        if (server == null) {
            throw ComputeInput.invalid("", body, "'server' is a required property");
        }
        if (!server.isObject()) {
            throw ComputeInput.invalid("server", server, server + " is not of type 'object'");
        }
        onlyKeys(server, allowedCreateKeys(version));
        for (String required : List.of("name", "flavorRef")) {
            if (!server.has(required)) {
                throw ComputeInput.invalid("server", "...", "'" + required + "' is a required property");
            }
        }
        String name = string(server.get("name"), "name", 1, MAX_LENGTH, NAME);
        String flavorRef = reference(server.get("flavorRef"), "flavorRef");
        String imageRef = imageRef(server);
        String network = networks(server, version);
        Map<String, String> metadata = metadata(server.get("metadata"));
        String userData = userData(server.get("user_data"));
        List<InjectedFile> files = personality(server.get("personality"));
        int minCount = count(server.get("min_count"), "min_count", 1);
        int maxCount = count(server.get("max_count"), "max_count", minCount);
        if (minCount > maxCount) {
            throw ComputeInput.badRequest("min_count must be <= max_count");
        }
        boolean returnReservationId = bool(server.get("return_reservation_id"), "return_reservation_id", false);
        String zone = null;
        String forcedHost = null;
        if (server.hasNonNull("availability_zone")) {
            zone = string(server.get("availability_zone"), "availability_zone", 1, MAX_LENGTH, null);
            int colon = zone.indexOf(':');
            if (colon >= 0) {
                // zone:host[:node], the admin's forced-host form
                String[] parts = zone.split(":", -1);
                forcedHost = parts.length > 1 && !parts[1].isEmpty() ? parts[1] : null;
                zone = parts[0].isEmpty() ? null : parts[0];
            }
        }
        if (server.has("host")) {
            if (forcedHost != null) {
                throw ComputeInput.badRequest("The requested availability zone contains ':'. "
                        + "Use the 'host' field or the 'zone:host' form, not both.");
            }
            forcedHost = string(server.get("host"), "host", 1, MAX_LENGTH, HOST);
        }
        if (server.has("hypervisor_hostname")) {
            String node = string(server.get("hypervisor_hostname"), "hypervisor_hostname", 1, MAX_LENGTH, HOST);
            if (forcedHost != null && !forcedHost.equals(node)) {
                throw ComputeInput.badRequest("host and hypervisor_hostname name different hosts; "
                        + "a Windlass compute host is its own hypervisor.");
            }
            forcedHost = node;
        }
        if (server.has("key_name")) {
            string(server.get("key_name"), "key_name", 1, MAX_LENGTH, null);
            // there is no os-keypairs API, so no key name can name an existing key pair
            throw ComputeInput.badRequest("Invalid key_name provided.");
        }
        List<String> securityGroups = securityGroups(server.get("security_groups"));
        String ipv4 = ip(server.get("accessIPv4"), "accessIPv4", 4);
        String ipv6 = ip(server.get("accessIPv6"), "accessIPv6", 6);
        String diskConfig = diskConfig(server.get("OS-DCF:diskConfig"));
        if (server.has("config_drive")) {
            bool(server.get("config_drive"), "config_drive", true);
        }
        String adminPass = server.hasNonNull("adminPass") ? plainString(server.get("adminPass"), "adminPass") : null;
        String description = server.has("description") ? description(server.get("description")) : null;
        String hostname = server.has("hostname") ? hostname(server.get("hostname")) : null;
        if (hostname != null && maxCount > 1) {
            throw ComputeInput.badRequest("Cannot request a hostname with more than one server (max_count > 1).");
        }
        blockDevices(server, imageRef);
        if (server.has("tags")) {
            throw ComputeInput.badRequest("Server tags are not supported by this deployment yet.");
        }
        if (server.has("trusted_image_certificates")) {
            throw ComputeInput.badRequest("Image certificate validation is not supported by this deployment.");
        }
        JsonNode hintsNode = body.has("os:scheduler_hints") ? body.get("os:scheduler_hints")
                : body.get("OS-SCH-HNT:scheduler_hints");
        Map<String, List<String>> hints = hints(hintsNode);
        return new ServerCreateRequest(name, flavorRef, imageRef, metadata, userData, files, minCount, maxCount,
                returnReservationId, zone, forcedHost, securityGroups, ipv4, ipv6, diskConfig, adminPass,
                description, hostname, network, hints);
    }

    /** {@code {"server": {name?, description?, accessIPv4?, accessIPv6?, OS-DCF:diskConfig?, hostname?}}}. */
    public ServerUpdate update(JsonNode body, ApiVersion version) {
        if (body == null || !body.isObject()) {
            throw ComputeInput.badRequest("Malformed request body");
        }
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals("server")) {
                throw ComputeInput.invalid("", body, additional(key));
            }
        }
        JsonNode server = body.get("server");
        if (server == null) {
            throw ComputeInput.invalid("", body, "'server' is a required property");
        }
        if (!server.isObject()) {
            throw ComputeInput.invalid("server", server, server + " is not of type 'object'");
        }
        Set<String> allowed = new LinkedHashSet<>(List.of("name", "accessIPv4", "accessIPv6", "OS-DCF:diskConfig"));
        if (version.isAtLeast(DESCRIPTION)) {
            allowed.add("description");
        }
        if (version.isAtLeast(HOSTNAME)) {
            allowed.add("hostname");
        }
        onlyKeys(server, allowed);
        String name = server.has("name") ? string(server.get("name"), "name", 1, MAX_LENGTH, NAME) : null;
        boolean hasDescription = server.has("description");
        String description = hasDescription ? description(server.get("description")) : null;
        String ipv4 = server.has("accessIPv4") ? ip(server.get("accessIPv4"), "accessIPv4", 4) : null;
        String ipv6 = server.has("accessIPv6") ? ip(server.get("accessIPv6"), "accessIPv6", 6) : null;
        String disk = server.has("OS-DCF:diskConfig") ? diskConfig(server.get("OS-DCF:diskConfig")) : null;
        String hostname = server.has("hostname") ? hostname(server.get("hostname")) : null;
        return new ServerUpdate(name, hasDescription, description, server.has("accessIPv4"), ipv4,
                server.has("accessIPv6"), ipv6, disk, hostname);
    }

    private Set<String> allowedCreateKeys(ApiVersion version) {
        Set<String> keys = new LinkedHashSet<>(List.of("name", "imageRef", "flavorRef", "adminPass", "metadata",
                "networks", "OS-DCF:diskConfig", "accessIPv4", "accessIPv6", "user_data", "availability_zone",
                "key_name", "security_groups", "config_drive", "min_count", "max_count", "return_reservation_id",
                "block_device_mapping", "block_device_mapping_v2"));
        if (!version.isAtLeast(NO_PERSONALITY)) {
            keys.add("personality");
        }
        if (version.isAtLeast(DESCRIPTION)) {
            keys.add("description");
        }
        if (version.isAtLeast(TAGS)) {
            keys.add("tags");
        }
        if (version.isAtLeast(TRUSTED_CERTS)) {
            keys.add("trusted_image_certificates");
        }
        if (version.isAtLeast(HOST_FIELDS)) {
            keys.add("host");
            keys.add("hypervisor_hostname");
        }
        if (version.isAtLeast(HOSTNAME)) {
            keys.add("hostname");
        }
        return keys;
    }

    private static String imageRef(JsonNode server) {
        JsonNode node = server.get("imageRef");
        boolean bootFromVolume = server.has("block_device_mapping_v2") || server.has("block_device_mapping");
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isEmpty())) {
            if (bootFromVolume) {
                throw ComputeInput.badRequest("Booting from a volume is not supported: Windlass has no block storage "
                        + "service; give an imageRef.");
            }
            throw ComputeInput.badRequest("Missing imageRef attribute");
        }
        String ref = reference(node, "imageRef");
        try {
            return UUID.fromString(ref).toString();
        } catch (IllegalArgumentException e) {
            throw ComputeInput.badRequest("Invalid imageRef provided.");
        }
    }

    /** A string or integer id, or a URL whose last path segment is the id. */
    private static String reference(JsonNode node, String field) {
        if (node == null || node.isNull() || !(node.isTextual() || node.isIntegralNumber())) {
            throw ComputeInput.invalid(field, node, node + " is not of type 'string', 'integer'");
        }
        String value = node.asText().strip();
        if (value.isEmpty()) {
            throw ComputeInput.invalid(field, node.asText(), "'' is too short");
        }
        int slash = value.lastIndexOf('/');
        return slash >= 0 ? value.substring(slash + 1) : value;
    }

    private static String networks(JsonNode server, ApiVersion version) {
        JsonNode networks = server.get("networks");
        if (networks == null) {
            if (version.isAtLeast(NETWORKS_REQUIRED)) {
                throw ComputeInput.invalid("server", "...", "'networks' is a required property");
            }
            return "auto";
        }
        if (networks.isTextual()) {
            if (!version.isAtLeast(NETWORKS_REQUIRED)) {
                throw ComputeInput.invalid("networks", networks.asText(), networks + " is not of type 'array'");
            }
            String value = networks.asText();
            if (!value.equals("auto") && !value.equals("none")) {
                throw ComputeInput.invalid("networks", value, "'" + value + "' is not one of ['none', 'auto']");
            }
            return value;
        }
        if (!networks.isArray()) {
            throw ComputeInput.invalid("networks", networks, networks + " is not of type 'array'");
        }
        if (networks.isEmpty()) {
            return "auto";
        }
        for (JsonNode network : networks) {
            if (!network.isObject()) {
                throw ComputeInput.invalid("networks", network, network + " is not of type 'object'");
            }
            if (network.has("port") && network.has("fixed_ip")) {
                throw ComputeInput.badRequest("Specified Fixed IP '" + network.get("fixed_ip").asText()
                        + "' cannot be used with port '" + network.get("port").asText()
                        + "': the two cannot be specified together.");
            }
            if (network.hasNonNull("port")) {
                throw ComputeInput.badRequest("Port " + network.get("port").asText() + " could not be found.");
            }
            if (!network.hasNonNull("uuid")) {
                throw ComputeInput.badRequest("Bad networks format: network uuid is not in proper format (None)");
            }
            String uuid = network.get("uuid").asText();
            // Windlass has no network service: no network uuid names an existing network
            throw ComputeInput.badRequest("Network " + uuid + " could not be found.");
        }
        return "auto";
    }

    private Map<String, String> metadata(JsonNode node) {
        if (node == null) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw ComputeInput.invalid("metadata", node, node + " is not of type 'object'");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!METADATA_KEY.matcher(e.getKey()).matches()) {
                throw ComputeInput.invalid("metadata", e.getKey(), "'" + e.getKey()
                        + "' does not match any of the regexes: '^[a-zA-Z0-9-_:. ]{1,255}$'");
            }
            JsonNode value = e.getValue();
            if (!value.isTextual()) {
                throw ComputeInput.invalid("metadata/" + e.getKey(), value, value + " is not of type 'string'");
            }
            if (value.asText().length() > MAX_LENGTH) {
                throw ComputeInput.invalid("metadata/" + e.getKey(), value.asText(), "'" + value.asText()
                        + "' is too long");
            }
            metadata.put(e.getKey(), value.asText());
        }
        long limit = quotas.metadataItems();
        if (limit >= 0 && metadata.size() > limit) {
            throw new ApiException(403, "MetadataLimitExceeded", "Maximum number of metadata items exceeds " + limit);
        }
        return metadata;
    }

    private static String userData(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ComputeInput.invalid("user_data", node, node + " is not of type 'string'");
        }
        String value = node.asText();
        if (value.length() > MAX_USER_DATA) {
            throw ComputeInput.invalid("user_data", "...", "is too long (" + value.length() + " characters, at most "
                    + MAX_USER_DATA + ")");
        }
        if (!isBase64(value)) {
            throw ComputeInput.invalid("user_data", value, "'" + value + "' is not a 'base64'");
        }
        return value;
    }

    private List<InjectedFile> personality(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw ComputeInput.invalid("personality", node, node + " is not of type 'array'");
        }
        List<InjectedFile> files = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode file = node.get(i);
            String at = "personality/" + i;
            if (!file.isObject()) {
                throw ComputeInput.invalid(at, file, file + " is not of type 'object'");
            }
            for (Iterator<String> it = file.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!key.equals("path") && !key.equals("contents")) {
                    throw ComputeInput.invalid(at, file, additional(key));
                }
            }
            if (!file.has("path") || !file.get("path").isTextual()) {
                throw ComputeInput.invalid(at + "/path", file.get("path"), "'path' is a required string");
            }
            if (!file.has("contents") || !file.get("contents").isTextual()) {
                throw ComputeInput.invalid(at + "/contents", file.get("contents"), "'contents' is a required string");
            }
            String path = file.get("path").asText();
            String contents = file.get("contents").asText();
            if (!isBase64(contents)) {
                throw ComputeInput.badRequest("Personality content for " + path + " cannot be decoded");
            }
            long pathLimit = quotas.injectedFilePathLength();
            if (pathLimit >= 0 && path.length() > pathLimit) {
                throw new ApiException(403, "OnsetFilePathLimitExceeded",
                        "Personality file path exceeds maximum " + pathLimit);
            }
            long contentLimit = quotas.injectedFileContentBytes();
            if (contentLimit >= 0 && Base64.getMimeDecoder().decode(contents).length > contentLimit) {
                throw new ApiException(403, "OnsetFileContentLimitExceeded",
                        "Personality file content exceeds maximum " + contentLimit);
            }
            files.add(new InjectedFile(path, contents));
        }
        long limit = quotas.injectedFiles();
        if (limit >= 0 && files.size() > limit) {
            throw new ApiException(403, "OnsetFileLimitExceeded", "Personality file limit exceeded");
        }
        return files;
    }

    private static int count(JsonNode node, String field, int fallback) {
        if (node == null) {
            return fallback;
        }
        String text = node.isIntegralNumber() || node.isTextual() ? node.asText() : null;
        if (text == null || !POSITIVE.matcher(text).matches()) {
            throw ComputeInput.invalid(field, node, node + " is not a positive integer");
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ComputeInput.invalid(field, node, node + " is too large");
        }
    }

    private static boolean bool(JsonNode node, String field, boolean fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isTextual()) {
            return OsloBoolean.parse(node.asText()).orElseThrow(() -> ComputeInput.invalid(field, node.asText(),
                    node + " is not of type 'boolean', 'string'"));
        }
        throw ComputeInput.invalid(field, node, node + " is not of type 'boolean', 'string'");
    }

    private static List<String> securityGroups(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw ComputeInput.invalid("security_groups", node, node + " is not of type 'array'");
        }
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode group : node) {
            if (!group.isObject() || !group.has("name") || !group.get("name").isTextual()) {
                throw ComputeInput.invalid("security_groups", group, group + " is not valid: {\"name\": <string>}");
            }
            String name = group.get("name").asText();
            // no network service, so the only group there is is the implicit default one
            if (!name.equals("default")) {
                throw ComputeInput.badRequest("Unable to find security_group with name or id '" + name + "'");
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    private static String ip(JsonNode node, String field, int version) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ComputeInput.invalid(field, node, node + " is not of type 'string'");
        }
        String text = node.asText();
        boolean ok = version == 4 ? text.matches("^\\d{1,3}(\\.\\d{1,3}){3}$") && parses(text)
                : text.contains(":") && text.matches("^[0-9a-fA-F:.]+$") && parses(text);
        if (!ok) {
            throw ComputeInput.invalid(field, text, "'" + text + "' is not a 'ipv" + version + "'");
        }
        return text;
    }

    private static boolean parses(String literal) {
        try {
            // a literal is parsed without any name lookup
            InetAddress.getByName(literal);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String diskConfig(JsonNode node) {
        if (node == null || node.isNull()) {
            return "MANUAL";
        }
        String value = node.asText();
        if (!node.isTextual() || !(value.equals("AUTO") || value.equals("MANUAL"))) {
            throw ComputeInput.invalid("OS-DCF:diskConfig", value, "'" + value + "' is not one of ['AUTO', 'MANUAL']");
        }
        return value;
    }

    private static String description(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        return string(node, "description", 0, MAX_LENGTH, PRINTABLE);
    }

    private static String hostname(JsonNode node) {
        String value = string(node, "hostname", 2, 63, HOSTNAME_290);
        return value;
    }

    /** block_device_mapping[_v2]: only the image→local root disk Windlass boots from anyway. */
    private static void blockDevices(JsonNode server, String imageRef) {
        if (server.has("block_device_mapping")) {
            throw ComputeInput.badRequest("Block Device Mapping is Invalid: legacy block_device_mapping needs volumes, "
                    + "which this deployment does not provide.");
        }
        JsonNode bdms = server.get("block_device_mapping_v2");
        if (bdms == null) {
            return;
        }
        if (!bdms.isArray()) {
            throw ComputeInput.invalid("block_device_mapping_v2", bdms, bdms + " is not of type 'array'");
        }
        for (int i = 0; i < bdms.size(); i++) {
            JsonNode bdm = bdms.get(i);
            String at = "block_device_mapping_v2/" + i;
            if (!bdm.isObject()) {
                throw ComputeInput.invalid(at, bdm, bdm + " is not of type 'object'");
            }
            String source = bdm.path("source_type").asText("");
            String destination = bdm.path("destination_type").asText("local");
            if (!Set.of("volume", "image", "snapshot", "blank").contains(source)) {
                throw ComputeInput.invalid(at + "/source_type", source,
                        "'" + source + "' is not one of ['volume', 'image', 'snapshot', 'blank']");
            }
            if (!Set.of("local", "volume").contains(destination)) {
                throw ComputeInput.invalid(at + "/destination_type", destination,
                        "'" + destination + "' is not one of ['local', 'volume']");
            }
            if (!source.equals("image") || !destination.equals("local")) {
                throw ComputeInput.badRequest("Block Device Mapping is Invalid: " + source + " → " + destination
                        + " needs volumes, which this deployment does not provide; only the image's local root disk "
                        + "is supported.");
            }
            String uuid = bdm.path("uuid").asText(null);
            if (uuid != null && !uuid.equals(imageRef)) {
                throw ComputeInput.badRequest("Block Device Mapping is Invalid: the image mapping names image " + uuid
                        + " but imageRef is " + imageRef + ".");
            }
        }
    }

    private static Map<String, List<String>> hints(JsonNode node) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw ComputeInput.invalid("os:scheduler_hints", node, node + " is not of type 'object'");
        }
        Map<String, List<String>> hints = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> values = new ArrayList<>();
            JsonNode v = e.getValue();
            if (v.isArray()) {
                v.forEach(x -> values.add(x.asText()));
            } else {
                values.add(v.asText());
            }
            if (e.getKey().equals("same_host") || e.getKey().equals("different_host")) {
                for (String value : values) {
                    try {
                        UUID.fromString(value);
                    } catch (IllegalArgumentException ex) {
                        throw ComputeInput.invalid("os:scheduler_hints/" + e.getKey(), value,
                                "'" + value + "' is not a 'uuid'");
                    }
                }
            }
            hints.put(e.getKey(), values);
        }
        return hints;
    }

    private static String string(JsonNode node, String field, int min, int max, Pattern pattern) {
        if (node == null || !node.isTextual()) {
            throw ComputeInput.invalid(field, node, node + " is not of type 'string'");
        }
        String value = node.asText();
        if (value.length() < min) {
            throw ComputeInput.invalid(field, value, "'" + value + "' is too short");
        }
        if (value.length() > max) {
            throw ComputeInput.invalid(field, value, "'" + value + "' is too long");
        }
        if (pattern != null && !pattern.matcher(value).matches()) {
            throw ComputeInput.invalid(field, value, "'" + value + "' does not match '" + pattern.pattern() + "'");
        }
        return value;
    }

    private static String plainString(JsonNode node, String field) {
        if (!node.isTextual()) {
            throw ComputeInput.invalid(field, node, node + " is not of type 'string'");
        }
        return node.asText();
    }

    private static void onlyKeys(JsonNode object, Set<String> allowed) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw ComputeInput.invalid("server", "...", additional(key));
            }
        }
    }

    private static String additional(String key) {
        return "Additional properties are not allowed ('" + key + "' was unexpected)";
    }

    private static boolean isBase64(String value) {
        try {
            Base64.getMimeDecoder().decode(value.strip());
            // the MIME decoder skips foreign characters; a strict alphabet check keeps "not base64" honest
            return value.strip().replaceAll("\\s", "").matches("^[A-Za-z0-9+/]*={0,2}$")
                    && value.strip().replaceAll("\\s", "").length() % 4 == 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
