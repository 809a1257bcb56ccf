package io.windlass.hypervisor.service;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HypervisorIdsTest {
    private static final UUID ID = UUID.fromString("1bb62a04-c576-402c-8147-9e89757a09e3");

    @Test
    void uuidsInTheFormsOsloAccepts() {
        for (String form : new String[]{"1bb62a04-c576-402c-8147-9e89757a09e3", "1BB62A04C576402C81479E89757A09E3",
                "{1bb62a04-c576-402c-8147-9e89757a09e3}", "urn:uuid:1bb62a04-c576-402c-8147-9e89757a09e3"}) {
            assertEquals(Optional.of(ID), HypervisorIds.uuidLike(form), form);
        }
        assertEquals(Optional.empty(), HypervisorIds.uuidLike("1bb62a04-c576-402c-8147-9e89757a09e"));
        assertEquals(Optional.empty(), HypervisorIds.uuidLike("host-1"));
    }

    @Test
    void integersAsPythonsIntReadsThem() {
        assertEquals(OptionalLong.of(12), HypervisorIds.integer(" +12 "));
        assertEquals(OptionalLong.of(-3), HypervisorIds.integer("-3"));
        assertEquals(OptionalLong.empty(), HypervisorIds.integer("1.5"));
        assertEquals(OptionalLong.empty(), HypervisorIds.integer("abc"));
        assertEquals(OptionalLong.empty(), HypervisorIds.integer("99999999999999999999"));
    }
}
