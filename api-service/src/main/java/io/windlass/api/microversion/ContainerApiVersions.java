package io.windlass.api.microversion;

/** The microversion range of the Zun containers API this service speaks. */
public final class ContainerApiVersions {
    /** Service word in {@code OpenStack-API-Version: container 1.N}. */
    public static final String SERVICE = "container";
    public static final ApiVersion MIN = ApiVersion.of(1, 1);
    /** python-zunclient's own maximum; nothing newer is implemented. */
    public static final ApiVersion MAX = ApiVersion.of(1, 40);

    private ContainerApiVersions() {
    }
}
