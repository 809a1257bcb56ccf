package io.windlass.api.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Zun's error document ({@code zun/api/middleware/parsable_error.py}):
 * {@code {"errors": [{"request_id": "", "code": "container.<dashed-name>", ...}]}}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ZunErrorBody(@JsonProperty("errors") List<Error> errors) {

    private static final Pattern CAMEL_BOUNDARY = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");

    /**
     * One error entry. Upstream leaves {@code request_id} empty (the id is in the header).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Error(@JsonProperty("request_id") String requestId,
                       @JsonProperty("code") String code,
                       @JsonProperty("status") int status,
                       @JsonProperty("title") String title,
                       @JsonProperty("detail") String detail,
                       @JsonProperty("links") List<Object> links) {
    }

    public static ZunErrorBody of(int status, String errorName, String message) {
        return new ZunErrorBody(List.of(new Error("", code(errorName), status, message, message, List.of())));
    }

    /** 5xx bodies carry no exception name upstream: the code is just {@code container.}. */
    public static ZunErrorBody serverError(int status, String title, String detail) {
        return new ZunErrorBody(List.of(new Error("", "container.", status, title, detail, List.of())));
    }

    /** {@code ContainerNotFound} becomes {@code container.container-not-found}. */
    static String code(String errorName) {
        return "container." + CAMEL_BOUNDARY.matcher(errorName).replaceAll("-").toLowerCase();
    }
}
