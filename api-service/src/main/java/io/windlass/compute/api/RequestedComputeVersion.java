package io.windlass.compute.api;

import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.api.microversion.ApiVersion;
import jakarta.enterprise.context.RequestScoped;

/** The compute microversion the current request is served at. */
@RequestScoped
public class RequestedComputeVersion {
    private ApiVersion version = ComputeApiVersions.MIN;

    void set(ApiVersion version) {
        this.version = version;
    }

    public ApiVersion get() {
        return version;
    }

    public boolean isAtLeast(ApiVersion other) {
        return version.isAtLeast(other);
    }

    /**
     * Nova answers a method that does not exist at the requested version exactly like a
     * missing route: 404 {@code itemNotFound}.
     */
    public void require(ApiVersion minimum) {
        if (!version.isAtLeast(minimum)) {
            throw new ResourceNotFoundException("VersionNotFoundForAPIMethod", "The resource could not be found.");
        }
    }

    /** The same 404 for a method that a later microversion removed ({@code removedIn} and after). */
    public void requireBefore(ApiVersion removedIn) {
        if (version.isAtLeast(removedIn)) {
            throw new ResourceNotFoundException("VersionNotFoundForAPIMethod", "The resource could not be found.");
        }
    }
}
