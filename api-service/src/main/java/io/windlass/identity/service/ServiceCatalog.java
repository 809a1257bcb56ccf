package io.windlass.identity.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.windlass.identity.config.IdentityConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The service catalog in tokens: every API this port serves, under the given root
 * ({@code windlass.api.public-url} or the request's host). Ids are derived from the type
 * so that they are the same on every replica and every call.
 */
@ApplicationScoped
public class ServiceCatalog {
    /** type, name, path under the root. */
    private static final List<String[]> SERVICES = List.of(
            new String[]{"identity", "keystone", "/identity/v3"},
            new String[]{"compute", "nova", "/compute/v2.1"},
            new String[]{"container", "zun", "/container/v1"},
            new String[]{"image", "glance", "/image"},
            // unversioned: openstacksdk appends /v2.0 to the network endpoint itself
            new String[]{"network", "neutron", "/network"});
    private static final List<String> INTERFACES = List.of("public", "internal", "admin");

    private final IdentityConfig config;

    public ServiceCatalog(IdentityConfig config) {
        this.config = config;
    }

    /** One catalog entry. */
    public record Service(@JsonProperty("id") String id, @JsonProperty("type") String type,
                          @JsonProperty("name") String name, @JsonProperty("endpoints") List<Endpoint> endpoints) {
    }

    /** One endpoint of a service. */
    public record Endpoint(@JsonProperty("id") String id, @JsonProperty("interface") String iface,
                           @JsonProperty("region") String region, @JsonProperty("region_id") String regionId,
                           @JsonProperty("url") String url) {
    }

    public List<Service> entries(String root) {
        String region = config.region();
        return SERVICES.stream().map(s -> new Service(id(s[0]), s[0], s[1], INTERFACES.stream()
                .map(i -> new Endpoint(id(s[0] + "/" + i), i, region, region, root + s[2])).toList())).toList();
    }

    private static String id(String key) {
        return UUID.nameUUIDFromBytes(("windlass-catalog/" + key).getBytes(StandardCharsets.UTF_8)).toString()
                .replace("-", "");
    }
}
