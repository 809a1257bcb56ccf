package io.windlass.api.error;

/** 406: the requested microversion is malformed, out of range, or lacks this method. */
public class NotAcceptableException extends ApiException {
    public NotAcceptableException(String message) {
        super(406, "NotAcceptable", message);
    }
}
