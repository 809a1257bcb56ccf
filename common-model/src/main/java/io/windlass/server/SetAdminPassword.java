package io.windlass.server;

/**
 * Set the root password in a running server's guest (Nova's {@code set_admin_password}, for
 * {@code changePassword}). The password travels only in this message: it is stored nowhere, and
 * {@link #toString} leaves it out so that no log line can carry it.
 *
 * @param uuid     server uuid
 * @param password the new password, as the user gave it
 */
public record SetAdminPassword(String uuid, String password) {
    @Override
    public String toString() {
        return "SetAdminPassword[uuid=" + uuid + ", password=<hidden>]";
    }
}
