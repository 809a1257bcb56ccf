package io.windlass.image.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.error.InvalidInputException;

/**
 * The bodies of Glance's member calls, read as {@code image_members.py RequestDeserializer} reads
 * them (no JSON schema: its checks are in code, and so are its words).
 */
final class ImageMemberRequests {
    /** The {@code member} column's length; Glance has no check of its own before its database's. */
    private static final int MAX_MEMBER = 255;

    private ImageMemberRequests() {
    }

    /** {@code {"member": "<project id>"}}. */
    static String member(JsonNode body) {
        if (body == null || body.isMissingNode()) {
            throw InvalidInputException.badRequest("Body expected in request.");
        }
        if (!body.isObject()) {
            throw InvalidInputException.badRequest("Expected a member in the form: {\"member\": \"image_id\"}");
        }
        JsonNode member = body.get("member");
        if (member == null) {
            throw InvalidInputException.badRequest("Member to be added not specified");
        }
        if (empty(member)) {
            throw InvalidInputException.badRequest("Member can't be empty");
        }
        if (!member.isTextual()) {
            throw InvalidInputException.badRequest("Expected a member in the form: {\"member\": \"image_id\"}");
        }
        if (member.textValue().length() > MAX_MEMBER) {
            throw InvalidInputException.badRequest("Member can't be longer than " + MAX_MEMBER + " characters");
        }
        return member.textValue();
    }

    /**
     * {@code {"status": "accepted"}}: the status as given, checked later (after who asks, as in
     * Glance); a value that is no string is passed as its JSON text, which no status equals.
     */
    static String status(JsonNode body) {
        if (body == null || body.isMissingNode()) {
            throw InvalidInputException.badRequest("Body expected in request.");
        }
        if (!body.isObject()) {
            throw InvalidInputException.badRequest("Expected a status in the form: {\"status\": \"status\"}");
        }
        JsonNode status = body.get("status");
        if (status == null) {
            throw InvalidInputException.badRequest("Status not specified");
        }
        return status.isTextual() ? status.textValue() : status.toString();
    }

    /** Python's falsy values, which Glance's {@code if not member_id} refuses. */
    private static boolean empty(JsonNode value) {
        return value.isNull() || value.isTextual() && value.textValue().isEmpty()
                || value.isBoolean() && !value.booleanValue() || value.isNumber() && value.doubleValue() == 0
                || value.isContainerNode() && value.isEmpty();
    }
}
