package io.windlass.container;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores statuses in Zun's spelling ({@code Running}); shared so every service reads and writes the same. */
@Converter
public class ContainerStatusConverter implements AttributeConverter<ContainerStatus, String> {
    @Override
    public String convertToDatabaseColumn(ContainerStatus status) {
        return status == null ? null : status.value();
    }

    @Override
    public ContainerStatus convertToEntityAttribute(String value) {
        return value == null ? null : ContainerStatus.fromValue(value);
    }
}
