package io.windlass.api.error;

/**
 * An expected failure answered with a Zun error body. {@link #errorName()} is the upstream
 * exception class name ({@code ContainerNotFound}); the wire code is derived from it.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String errorName;

    public ApiException(int status, String errorName, String message) {
        super(message);
        this.status = status;
        this.errorName = errorName;
    }

    public int status() {
        return status;
    }

    public String errorName() {
        return errorName;
    }
}
