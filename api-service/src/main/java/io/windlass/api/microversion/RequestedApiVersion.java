package io.windlass.api.microversion;

import jakarta.enterprise.context.RequestScoped;

/** The microversion the current request is served at, for resources to gate behaviour on. */
@RequestScoped
public class RequestedApiVersion {
    private ApiVersion version = ContainerApiVersions.MIN;

    void set(ApiVersion version) {
        this.version = version;
    }

    public ApiVersion get() {
        return version;
    }

    public boolean isAtLeast(int major, int minor) {
        return version.isAtLeast(ApiVersion.of(major, minor));
    }
}
