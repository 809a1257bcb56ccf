package io.windlass.system;

/**
 * The four processes of a deployment, with the ports a system test gives them. The ports
 * differ from both the default ones (87xx, used by {@code deploy/local/up}) and the
 * {@code @QuarkusTest} ones (187xx), so a test run never collides with either.
 */
public enum WindlassService {
    API("api-service", 28774, true),
    CONDUCTOR("conductor-service", 28781, true),
    SCHEDULER("scheduler-service", 28782, true),
    AGENT("compute-agent", 28783, false);

    private final String module;
    private final int port;
    private final boolean usesDatabase;

    WindlassService(String module, int port, boolean usesDatabase) {
        this.module = module;
        this.port = port;
        this.usesDatabase = usesDatabase;
    }

    /** Maven module, also the name of its log file. */
    public String module() {
        return module;
    }

    /**
     * The port of this run: the base port plus {@code -Dwindlass.st.port-offset} (default 0),
     * which lets two checkouts run their system tests at the same time.
     */
    public int port() {
        return port + PORT_OFFSET;
    }

    /** Added to every system-test port (see {@link #port()}). */
    public static final int PORT_OFFSET = Integer.getInteger("windlass.st.port-offset", 0);

    public boolean usesDatabase() {
        return usesDatabase;
    }
}
