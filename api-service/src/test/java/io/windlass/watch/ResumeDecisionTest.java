package io.windlass.watch;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class ResumeDecisionTest {

    @Test
    void withoutAnIdTheWatchStartsNow() {
        assertInstanceOf(ResumeDecision.Live.class, ResumeDecision.decide(null, 10, 50));
    }

    @Test
    void anIdWhoseFollowersAreAllKeptIsReplayedFrom() {
        assertEquals(new ResumeDecision.Replay(10), ResumeDecision.decide(10L, 10, 50));
        assertEquals(new ResumeDecision.Replay(50), ResumeDecision.decide(50L, 10, 50));
        assertEquals(new ResumeDecision.Replay(0), ResumeDecision.decide(0L, 0, 0));
    }

    @Test
    void anIdBeforeThePrunedChangesHasExpired() {
        assertInstanceOf(ResumeDecision.Expired.class, ResumeDecision.decide(9L, 10, 50));
    }

    @Test
    void anIdNeverSentHasExpiredToo() {
        assertInstanceOf(ResumeDecision.Expired.class, ResumeDecision.decide(51L, 10, 50));
    }
}
