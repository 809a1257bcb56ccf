package io.windlass.workload;

/**
 * The conductor cannot send this create: what the row asks cannot be handed to a host (a registry whose password
 * this deployment cannot open, an image of another registry than the row's). Nothing reached the host; the build
 * fails the row with the message, as it does for a create the compute version cap holds back.
 */
public class CreateRefused extends RuntimeException {
    public CreateRefused(String message) {
        super(message);
    }
}
