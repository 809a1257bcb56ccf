package io.windlass.api.microversion;

/** The microversion range of the Zun containers API this service speaks. */
public final class ContainerApiVersions {
    /** Service word in {@code OpenStack-API-Version: container 1.N}. */
    public static final String SERVICE = "container";
    public static final ApiVersion MIN = ApiVersion.of(1, 1);
    /** python-zunclient's own maximum; nothing newer is implemented. */
    public static final ApiVersion MAX = ApiVersion.of(1, 40);
    /** {@code command} is a list (a shell string before); interactive implies a tty until 1.36. */
    public static final ApiVersion COMMAND_LIST = ApiVersion.of(1, 20);
    /** {@code tty} apart from {@code interactive}. */
    public static final ApiVersion TTY = ApiVersion.of(1, 36);
    /** get_archive answers, and put_archive takes, the archive in base64 (its bytes as text before). */
    public static final ApiVersion ARCHIVE_BASE64 = ApiVersion.of(1, 25);
    /** A container action shows when it finished ({@code finish_time}). */
    public static final ApiVersion ACTION_FINISH_TIME = ApiVersion.of(1, 33);
    /** A capsule shows its {@code name}, {@code labels} and whole {@code restart_policy} (their legacy forms before). */
    public static final ApiVersion CAPSULE_REPRESENTATION = ApiVersion.of(1, 32);

    private ContainerApiVersions() {
    }
}
