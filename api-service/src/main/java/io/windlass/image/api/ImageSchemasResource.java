package io.windlass.image.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Glance's {@code /v2/schemas/image} and {@code /v2/schemas/images}, reduced to the fields the
 * facade serves, and its member schemas ({@code /v2/schemas/member}, {@code /members}) whole.
 * glanceclient builds its image model from them before it lists or shows anything; openstacksdk
 * does not read them.
 */
@Path("/image/v2/schemas")
@Produces(MediaType.APPLICATION_JSON)
public class ImageSchemasResource {

    @GET
    @Path("/image")
    public Map<String, Object> image() {
        return imageSchema();
    }

    @GET
    @Path("/images")
    public Map<String, Object> images() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("name", "images");
        schema.put("properties", Map.of(
                "images", Map.of("type", "array", "items", imageSchema()),
                "schema", Map.of("type", "string"),
                "first", Map.of("type", "string"),
                "next", Map.of("type", "string")));
        schema.put("links", List.of(Map.of("rel", "first", "href", "{first}"),
                Map.of("rel", "next", "href", "{next}"),
                Map.of("rel", "describedby", "href", "{schema}")));
        return schema;
    }

    /**
     * Glance serves the member schemas minimal ({@code schemas.py}: {@code minimal()}): no
     * {@code additionalProperties}.
     */
    @GET
    @Path("/member")
    public Map<String, Object> member() {
        return memberSchema();
    }

    @GET
    @Path("/members")
    public Map<String, Object> members() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("name", "members");
        schema.put("properties", Map.of(
                "members", Map.of("type", "array", "items", memberSchema()),
                "schema", Map.of("type", "string")));
        schema.put("links", List.of(Map.of("rel", "describedby", "href", "{schema}")));
        return schema;
    }

    /** {@code image_members.py _MEMBER_SCHEMA}. */
    private static Map<String, Object> memberSchema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("member_id", Map.of("type", "string",
                "description", "An identifier for the image member (tenantId)"));
        properties.put("image_id", Map.of("type", "string", "description", "An identifier for the image",
                "pattern", "^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$"));
        properties.put("created_at", Map.of("type", "string", "description", "Date and time of image member creation"));
        properties.put("updated_at", Map.of("type", "string",
                "description", "Date and time of last modification of image member"));
        properties.put("status", Map.of("type", "string", "description", "The status of this image member",
                "enum", List.of("pending", "accepted", "rejected")));
        properties.put("schema", Map.of("readOnly", true, "type", "string"));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("name", "member");
        schema.put("properties", properties);
        return schema;
    }

    private static Map<String, Object> imageSchema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("id", Map.of("type", "string", "readOnly", true));
        properties.put("name", Map.of("type", List.of("null", "string"), "maxLength", 255));
        properties.put("status", Map.of("type", "string", "readOnly", true, "enum", List.of("queued", "saving",
                "active", "killed", "deleted", "uploading", "importing", "pending_delete", "deactivated")));
        properties.put("visibility", Map.of("type", "string", "enum", List.of("community", "public", "private",
                "shared")));
        properties.put("protected", Map.of("type", "boolean"));
        properties.put("os_hidden", Map.of("type", "boolean"));
        properties.put("tags", Map.of("type", "array", "items", Map.of("type", "string", "maxLength", 255)));
        properties.put("container_format", Map.of("type", List.of("null", "string"), "enum", nullable("ami", "ari",
                "aki", "bare", "ovf", "ova", "docker", "compressed")));
        properties.put("disk_format", Map.of("type", List.of("null", "string"), "enum", nullable("ami", "ari", "aki",
                "vhd", "vhdx", "vmdk", "raw", "qcow2", "vdi", "iso", "ploop")));
        for (String n : List.of("size", "virtual_size")) {
            properties.put(n, Map.of("type", List.of("null", "integer"), "readOnly", true));
        }
        for (String n : List.of("checksum", "os_hash_algo", "os_hash_value", "owner")) {
            properties.put(n, Map.of("type", List.of("null", "string"), "readOnly", true));
        }
        properties.put("min_disk", Map.of("type", "integer"));
        properties.put("min_ram", Map.of("type", "integer"));
        for (String n : List.of("created_at", "updated_at", "self", "file", "schema")) {
            properties.put(n, Map.of("type", "string", "readOnly", true));
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("name", "image");
        schema.put("properties", properties);
        schema.put("additionalProperties", Map.of("type", "string"));
        schema.put("links", List.of(Map.of("rel", "self", "href", "{self}"),
                Map.of("rel", "enclosure", "href", "{file}"),
                Map.of("rel", "describedby", "href", "{schema}")));
        return schema;
    }

    private static List<Object> nullable(String... values) {
        List<Object> out = new java.util.ArrayList<>();
        out.add(null);
        out.addAll(List.of(values));
        return out;
    }
}
