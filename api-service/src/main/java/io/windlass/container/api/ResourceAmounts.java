package io.windlass.container.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.error.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.regex.Pattern;

/**
 * Reads {@code cpu}, {@code memory} and {@code disk} as Zun accepts them: JSON numbers or
 * numeric strings (zunclient sends strings), within the configured limits.
 */
@ApplicationScoped
public class ResourceAmounts {
    private static final Pattern CPU_STRING = Pattern.compile("^[0-9]*(\\.([0-9]+))?$");
    private static final Pattern DIGITS = Pattern.compile("^[0-9]+$");

    private final ContainerLimits limits;

    public ResourceAmounts(ContainerLimits limits) {
        this.limits = limits;
    }

    public ContainerLimits limits() {
        return limits;
    }

    public double cpu(JsonNode value) {
        double cpu;
        if (value.isNumber()) {
            cpu = value.doubleValue();
        } else if (value.isTextual() && !value.asText().isEmpty() && !value.asText().equals(".")
                && CPU_STRING.matcher(value.asText()).matches()) {
            cpu = Double.parseDouble(value.asText());
        } else {
            throw InvalidInputException.field("cpu", text(value), "It must be a number or a numeric string.");
        }
        if (cpu < limits.minCpu() || cpu > limits.maxCpu()) {
            throw InvalidInputException.field("cpu", text(value),
                    "It must be between " + limits.minCpu() + " and " + limits.maxCpu() + ".");
        }
        return cpu;
    }

    /** Memory in MiB. */
    public int memory(JsonNode value) {
        long memory = wholeNumber("memory", value);
        if (memory < limits.minMemory() || memory > limits.maxMemory()) {
            throw InvalidInputException.field("memory", text(value),
                    "It must be between " + limits.minMemory() + " and " + limits.maxMemory() + " (MiB).");
        }
        return (int) memory;
    }

    /** Disk in GiB. */
    public int disk(JsonNode value) {
        long disk = wholeNumber("disk", value);
        if (disk < 1 || disk > limits.maxDisk()) {
            throw InvalidInputException.field("disk", text(value),
                    "It must be between 1 and " + limits.maxDisk() + " (GiB).");
        }
        return (int) disk;
    }

    private static long wholeNumber(String field, JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isTextual() && DIGITS.matcher(value.asText()).matches() && value.asText().length() < 10) {
            return Long.parseLong(value.asText());
        }
        throw InvalidInputException.field(field, text(value), "It must be an integer or a string of digits.");
    }

    static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }
}
