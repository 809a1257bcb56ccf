package io.windlass.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.windlass.api.microversion.ApiVersion;
import io.windlass.api.microversion.ContainerApiVersions;
import io.windlass.compute.api.ComputeApiVersions;
import io.windlass.container.api.ContainerLimits;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * What request schemas name as {@code ${...}}: deployment settings (as Zun's schemas name
 * {@code CONF.maximum_cpus}) and the microversions that code other than the schemas also gates on,
 * so that each is declared once, in {@code *ApiVersions}.
 */
public class SchemaSettings {

    @Produces
    @Singleton
    RequestSchemas requestSchemas(ContainerLimits limits) {
        return new RequestSchemas(of(limits));
    }

    /** The settings by the names the schemas use. */
    public static Map<String, JsonNode> of(ContainerLimits limits) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        return Map.ofEntries(Map.entry("container.min-cpu", json.numberNode(limits.minCpu())),
                Map.entry("container.max-cpu", json.numberNode(limits.maxCpu())),
                Map.entry("container.default-cpu", json.numberNode(limits.defaultCpu())),
                Map.entry("container.min-memory", json.numberNode(limits.minMemory())),
                Map.entry("container.max-memory", json.numberNode(limits.maxMemory())),
                Map.entry("container.default-memory", json.numberNode(limits.defaultMemory())),
                Map.entry("container.max-disk", json.numberNode(limits.maxDisk())),
                Map.entry("container.default-disk", json.numberNode(limits.defaultDisk())),
                Map.entry("container.command-list", version(ContainerApiVersions.COMMAND_LIST)),
                Map.entry("container.tty", version(ContainerApiVersions.TTY)),
                Map.entry("compute.server-description", version(ComputeApiVersions.SERVER_DESCRIPTION)),
                Map.entry("compute.trusted-certs", version(ComputeApiVersions.TRUSTED_CERTS)),
                Map.entry("compute.locked", version(ComputeApiVersions.SERVER_LOCKED)),
                Map.entry("compute.hostname", version(ComputeApiVersions.SERVER_HOSTNAME)),
                Map.entry("compute.flavor-description", version(ComputeApiVersions.FLAVOR_DESCRIPTION)));
    }

    private static JsonNode version(ApiVersion version) {
        return JsonNodeFactory.instance.textNode(version.toString());
    }
}
