package io.windlass.securitygroup.compute;

import io.windlass.api.error.ApiException;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.networking.NeutronException;

/**
 * How a Networking API refusal reaches the caller of Nova's proxy ({@code security_group_api.py}):
 * a 404 is Nova's {@code SecurityGroupNotFound}, a 400 its {@code Invalid}, both with Neutron's
 * message; a 409 is what the call's Nova code makes of it. Any other status, which Nova does not
 * expect and answers 500, keeps Neutron's.
 */
public enum NeutronRefusal {
    /** Show, update, rules: Nova expects no conflict there (a rename of {@code default} is 500 in Nova). */
    CONFLICT_KEPT(409),
    /** Create and rule create: {@code SecurityGroupLimitExceeded}. */
    CONFLICT_FORBIDDEN(403),
    /** Delete: {@code Invalid} (in use, the default group). */
    CONFLICT_BAD_REQUEST(400);

    private final int conflict;

    NeutronRefusal(int conflict) {
        this.conflict = conflict;
    }

    public ApiException asNova(NeutronException refused) {
        return switch (refused.status()) {
            case 404 -> new ResourceNotFoundException("SecurityGroupNotFound", refused.getMessage());
            case 400 -> new InvalidInputException("Invalid", refused.getMessage());
            case 409 -> new ApiException(conflict, switch (this) {
                case CONFLICT_KEPT -> refused.errorName();
                case CONFLICT_FORBIDDEN -> "SecurityGroupLimitExceeded";
                case CONFLICT_BAD_REQUEST -> "Invalid";
            }, refused.getMessage());
            default -> refused;
        };
    }
}
