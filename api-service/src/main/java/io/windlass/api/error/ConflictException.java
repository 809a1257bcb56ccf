package io.windlass.api.error;

/** 409: the request is valid but clashes with the resource's current state. */
public class ConflictException extends ApiException {

    /** Zun's name for "this action is not allowed in this status". */
    public static final String INVALID_STATE = "InvalidStateException";

    public ConflictException(String errorName, String message) {
        super(409, errorName, message);
    }
}
