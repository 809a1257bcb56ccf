package io.windlass.scheduler.selection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.windlass.scheduler.claim.ClaimResult;
import io.windlass.scheduler.filter.FilterOutcome;
import org.jboss.logging.Logger;

import java.util.Locale;

/**
 * The scheduler's decision counters (docs/metrics.md, "Scheduler"), beside the decision timers of
 * {@link DestinationSelector}: decisions by operation and outcome, claim statements by outcome,
 * NoValidHost by the filter that removed the last hosts, and the hosts each filter removes. Filter
 * names are the configured filters' own (a fixed set). Recording never fails a decision.
 */
final class DecisionMeters {
    private static final Logger LOG = Logger.getLogger(DecisionMeters.class);
    /** The {@code filter} of a NoValidHost whose hosts passed the filters but had no room left to claim. */
    static final String NO_ROOM = "no_room";

    /** select_destinations or move_claim. */
    enum Operation {
        SELECT, MOVE;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;

    DecisionMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A decision that answered a host: {@code claimed} now, or {@code already_claimed} (a redelivery). */
    void placed(Operation operation, ClaimResult.Outcome outcome) {
        decision(operation, outcome.name().toLowerCase(Locale.ROOT));
    }

    /** One claim statement (a few candidate hosts) and how it ended. */
    void claim(Operation operation, ClaimResult.Outcome outcome) {
        guard(() -> Counter.builder("windlass.scheduler.claims")
                .description("Claim statements, by operation and outcome (no_room: its candidates filled up)")
                .tags("operation", operation.tag(), "outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry).increment());
    }

    /** A NoValidHost: {@code filter} removed the last hosts, or {@link #NO_ROOM}, or {@link FilterOutcome#NO_HOSTS}. */
    void noValidHost(Operation operation, String filter) {
        decision(operation, "no_valid_host");
        guard(() -> Counter.builder("windlass.scheduler.no_valid_host")
                .description("Requests no host could take, by the filter that removed the last hosts")
                .tags("operation", operation.tag(), "filter", filter).register(registry).increment());
    }

    /** The hosts each filter removed in one decision. */
    void filtered(FilterOutcome outcome) {
        for (FilterOutcome.Step step : outcome.steps()) {
            if (step.removed() > 0) {
                guard(() -> Counter.builder("windlass.scheduler.filter.removed")
                        .description("Hosts removed by each filter, over every decision")
                        .tag("filter", step.filter()).register(registry).increment(step.removed()));
            }
        }
    }

    private void decision(Operation operation, String outcome) {
        guard(() -> Counter.builder("windlass.scheduler.decisions")
                .description("Scheduling decisions, by operation and outcome")
                .tags("operation", operation.tag(), "outcome", outcome).register(registry).increment());
    }

    private static void guard(Runnable record) {
        try {
            record.run();
        } catch (RuntimeException e) {
            LOG.debugf("scheduler meter not recorded: %s", e);
        }
    }
}
