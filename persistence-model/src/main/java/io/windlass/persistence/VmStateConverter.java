package io.windlass.persistence;

import io.windlass.server.VmState;
import jakarta.persistence.Converter;

/** Nova's vm_state spelling ({@code active}) for {@code servers.vm_state}. */
@Converter
public class VmStateConverter extends SpelledEnumConverter<VmState> {
    public VmStateConverter() {
        super(VmState::value, VmState::fromValue);
    }
}
