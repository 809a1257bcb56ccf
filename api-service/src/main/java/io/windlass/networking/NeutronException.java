package io.windlass.networking;

import io.windlass.api.error.ApiException;

/**
 * A failure answered in Neutron's words: {@link #errorName()} is the neutron-lib exception class
 * ({@code NetworkNotFound}), which {@link NeutronErrorFormat} shows as the body's {@code type}.
 * The factories carry upstream's messages (neutron_lib/exceptions), so one wording is kept in one place.
 */
public class NeutronException extends ApiException {

    public NeutronException(int status, String type, String message) {
        super(status, type, message);
    }

    public static NeutronException notFound(String type, String message) {
        return new NeutronException(404, type, message);
    }

    public static NeutronException conflict(String type, String message) {
        return new NeutronException(409, type, message);
    }

    public static NeutronException badRequest(String type, String message) {
        return new NeutronException(400, type, message);
    }

    /** neutron_lib InvalidInput. */
    public static NeutronException invalidInput(String errorMessage) {
        return badRequest("InvalidInput", "Invalid input for operation: " + errorMessage + ".");
    }

    /** The attribute validation failures of neutron/api/v2/base.py, raised as webob's HTTPBadRequest. */
    public static NeutronException invalidAttribute(String attribute, String reason) {
        return badRequest("HTTPBadRequest", "Invalid input for " + attribute + ". Reason: " + reason + ".");
    }

    public static NeutronException networkNotFound(String id) {
        return notFound("NetworkNotFound", "Network " + id + " could not be found.");
    }

    public static NeutronException subnetNotFound(String id) {
        return notFound("SubnetNotFound", "Subnet " + id + " could not be found.");
    }

    public static NeutronException portNotFound(String id) {
        return notFound("PortNotFound", "Port " + id + " could not be found.");
    }

    /** oslo.policy's refusal as Neutron words it. */
    public static NeutronException policy(String rule) {
        return new NeutronException(403, "PolicyNotAuthorized", "(rule:" + rule + ") is disallowed by policy");
    }

    /** neutron_lib OverQuota: the resources are shown as a Python list. */
    public static NeutronException overQuota(String resource) {
        return conflict("OverQuota", "Quota exceeded for resources: ['" + resource + "'].");
    }
}
