package io.windlass.persistence;

import io.windlass.container.ContainerStatus;
import jakarta.persistence.Converter;

/** Zun's status spelling ({@code Running}) for {@code containers.status} and {@code capsules.status}. */
@Converter
public class ContainerStatusConverter extends SpelledEnumConverter<ContainerStatus> {
    public ContainerStatusConverter() {
        super(ContainerStatus::value, ContainerStatus::fromValue);
    }
}
