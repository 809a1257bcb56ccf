package io.windlass.scheduler.claim;

/**
 * How a claim attempt on a few candidate hosts ended.
 *
 * @param outcome what happened
 * @param host    the host that holds the consumer's claim (null when {@link Outcome#NO_ROOM})
 */
public record ClaimResult(Outcome outcome, String host) {

    public enum Outcome {
        /** This attempt claimed the resources. */
        CLAIMED,
        /** Another delivery of the same request claimed first; its host is the answer. */
        ALREADY_CLAIMED,
        /** None of the candidates had room left (another scheduler took it); try the next ones. */
        NO_ROOM
    }

    public boolean holdsClaim() {
        return outcome != Outcome.NO_ROOM;
    }
}
