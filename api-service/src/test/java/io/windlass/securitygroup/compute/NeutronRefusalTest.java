package io.windlass.securitygroup.compute;

import io.windlass.api.error.ApiException;
import io.windlass.networking.NeutronException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Neutron's refusals as the Nova proxy answers them: the status per call, Neutron's message kept. */
class NeutronRefusalTest {
    private static final NeutronException IN_USE = NeutronException.conflict("SecurityGroupInUse",
            "Security Group g in use.");

    @Test
    void aConflictIsWhatTheCallMakesOfIt() {
        ApiException onDelete = NeutronRefusal.CONFLICT_BAD_REQUEST.asNova(IN_USE);
        assertEquals(400, onDelete.status());
        assertEquals("Security Group g in use.", onDelete.getMessage());
        assertEquals(403, NeutronRefusal.CONFLICT_FORBIDDEN.asNova(NeutronException.overQuota("security_group"))
                .status());
        assertEquals(409, NeutronRefusal.CONFLICT_KEPT.asNova(IN_USE).status());
    }

    @Test
    void notFoundAndBadRequestKeepNeutronsWords() {
        ApiException missing = NeutronRefusal.CONFLICT_KEPT.asNova(NeutronException.notFound("SecurityGroupNotFound",
                "Security group x does not exist"));
        assertEquals(404, missing.status());
        assertEquals("Security group x does not exist", missing.getMessage());
        ApiException invalid = NeutronRefusal.CONFLICT_FORBIDDEN.asNova(NeutronException.badRequest(
                "SecurityGroupMissingIcmpType", "ICMP code (port-range-max) 5 is provided but ICMP type "
                        + "(port-range-min) is missing."));
        assertEquals(400, invalid.status());
        NeutronException forbidden = NeutronException.policy("delete_security_group");
        assertSame(forbidden, NeutronRefusal.CONFLICT_BAD_REQUEST.asNova(forbidden));
    }
}
