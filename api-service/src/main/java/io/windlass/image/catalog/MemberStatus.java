package io.windlass.image.catalog;

import io.windlass.api.error.InvalidInputException;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A member's answer to an image shared with it ({@code glance.domain.ImageMembership.status}):
 * {@code pending} until it accepts or rejects it, and it may change its mind either way.
 */
public enum MemberStatus {
    PENDING, ACCEPTED, REJECTED;

    /** Glance's own default for the list's {@code member_status}: what a member sees listed without asking. */
    public static final Set<MemberStatus> LISTED_BY_DEFAULT = EnumSet.of(ACCEPTED);

    public String value() {
        return name().toLowerCase();
    }

    /** The status a row or a request names; empty for anything else (case matters, as in Glance). */
    public static Optional<MemberStatus> of(String value) {
        for (MemberStatus status : values()) {
            if (status.value().equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /**
     * The list's {@code member_status} ({@code images.py _validate_member_status}): one status, or
     * {@code all}; absent means {@code accepted}. Anything else is Glance's 400.
     */
    public static Set<MemberStatus> listed(String parameter) {
        if (parameter == null) {
            return LISTED_BY_DEFAULT;
        }
        if (parameter.equals("all")) {
            return EnumSet.allOf(MemberStatus.class);
        }
        return of(parameter).map(EnumSet::of)
                .orElseThrow(() -> InvalidInputException.badRequest("Invalid status: " + parameter));
    }
}
