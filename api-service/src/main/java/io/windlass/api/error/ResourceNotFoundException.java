package io.windlass.api.error;

/** 404: the addressed resource does not exist (or is not visible to the caller). */
public class ResourceNotFoundException extends ApiException {
    public ResourceNotFoundException(String errorName, String message) {
        super(404, errorName, message);
    }
}
