package io.windlass.system;

/** A user's password credentials, scoped to a project, all in the Default domain. */
public record Credentials(String user, String password, String project) {
    /** The bootstrap admin of every system-test run; the password is chosen per run. */
    public static Credentials admin(String password) {
        return new Credentials("admin", password, "admin");
    }
}
