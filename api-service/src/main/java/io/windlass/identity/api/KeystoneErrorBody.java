package io.windlass.identity.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Keystone's error document: {@code {"error": {"code": 404, "title": "Not Found", "message": "..."}}}. */
public record KeystoneErrorBody(@JsonProperty("error") Error error) {

    /** The single error entry. */
    public record Error(@JsonProperty("code") int code, @JsonProperty("title") String title,
                        @JsonProperty("message") String message) {
    }

    public static KeystoneErrorBody of(int code, String title, String message) {
        return new KeystoneErrorBody(new Error(code, title, message));
    }
}
