package io.windlass.api.error;

/** 403: a policy rule denies the caller this action. */
public class PolicyNotAuthorizedException extends ApiException {
    public PolicyNotAuthorizedException(String rule) {
        super(403, "PolicyNotAuthorized", "Policy doesn't allow " + rule + " to be performed.");
    }
}
