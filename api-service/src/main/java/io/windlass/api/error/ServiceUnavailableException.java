package io.windlass.api.error;

/** 503: a service behind the API (broker, conductor, compute host) did not answer. */
public class ServiceUnavailableException extends ApiException {
    public ServiceUnavailableException(String errorName, String message) {
        super(503, errorName, message);
    }
}
