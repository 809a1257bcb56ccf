package io.windlass.persistence;

import io.windlass.server.PowerState;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Nova's power_state integer (1 running, 4 shutdown, ...) for {@code servers.power_state}. */
@Converter
public class PowerStateConverter implements AttributeConverter<PowerState, Integer> {
    @Override
    public Integer convertToDatabaseColumn(PowerState state) {
        return (state == null ? PowerState.NOSTATE : state).code();
    }

    @Override
    public PowerState convertToEntityAttribute(Integer code) {
        return code == null ? PowerState.NOSTATE : PowerState.fromCode(code);
    }
}
