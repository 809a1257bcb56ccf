package io.windlass.testing;

/**
 * A fresh project with one member, and the admin's token, as the real-token ITs start (profile
 * {@link RealTokens}): each test its own project, so tests do not see each other's resources.
 *
 * @param admin       the admin's token
 * @param project     the new project's id
 * @param projectName its name (also the member's user name)
 * @param memberId    the member's user id
 * @param member      the member's token, scoped to the project
 */
public record ProjectMember(String admin, String project, String projectName, String memberId, String member) {
    /** @param prefix names the project and the user (made unique) */
    public static ProjectMember create(String prefix) {
        String admin = Keystone.adminToken();
        String name = Keystone.unique(prefix);
        String project = Keystone.createProject(admin, name);
        String memberId = Keystone.createUser(admin, name, "pw", project, "member");
        return new ProjectMember(admin, project, name, memberId, Keystone.token(name, "pw", name));
    }

    /** The token of another member of the same project (a second user of it). */
    public String anotherMember(String suffix) {
        String user = projectName + "-" + suffix;
        Keystone.createUser(admin, user, "pw", project, "member");
        return Keystone.token(user, "pw", projectName);
    }
}
