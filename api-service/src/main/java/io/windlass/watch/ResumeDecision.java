package io.windlass.watch;

/**
 * Where a new watch starts, from the {@code Last-Event-ID} it sent (if any), the newest change
 * the pruning removed and the newest change this replica has read.
 */
public sealed interface ResumeDecision {

    /** No Last-Event-ID: from now on. */
    record Live() implements ResumeDecision {
    }

    /** The changes after {@code after} are all still kept: replay them, then go on live. */
    record Replay(long after) implements ResumeDecision {
    }

    /** Changes after the client's id may be gone (or the id was never sent): the client must list again. */
    record Expired(String reason) implements ResumeDecision {
    }

    static ResumeDecision decide(Long lastEventId, long prunedThrough, long latest) {
        if (lastEventId == null) {
            return new Live();
        }
        if (lastEventId < prunedThrough) {
            return new Expired("changes after " + lastEventId + " are past the retention window; list again, "
                    + "then watch");
        }
        if (lastEventId > latest) {
            return new Expired("no change " + lastEventId + " was ever sent; list again, then watch");
        }
        return new Replay(lastEventId);
    }
}
