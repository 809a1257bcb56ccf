package io.windlass.identity.service;

import java.util.UUID;

/** Keystone's id shape: 32 lowercase hex digits. */
public final class IdentityIds {
    private IdentityIds() {
    }

    public static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
