package io.windlass.api.context;

/**
 * The ids of one HTTP request.
 *
 * @param requestId       this service's id for the request, answered in {@code X-OpenStack-Request-Id}
 * @param globalRequestId the caller's id when it sent a valid one, else {@link #requestId}
 */
public record RequestIds(String requestId, String globalRequestId) {
}
