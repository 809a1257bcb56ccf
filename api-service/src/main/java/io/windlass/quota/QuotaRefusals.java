package io.windlass.quota;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Counts {@code windlass.quota.refused{resource}}: a request refused because a project's quota of
 * that resource would be exceeded (Zun's and Nova's counted resources, Neutron's counting quotas).
 * A climbing rate for one resource is a tenant at its limit, or a limit set too low for everyone.
 * Recording never fails the refusal it counts.
 */
@ApplicationScoped
public class QuotaRefusals {
    private static final Logger LOG = Logger.getLogger(QuotaRefusals.class);
    static final String METRIC = "windlass.quota.refused";

    private final MeterRegistry registry;

    public QuotaRefusals(MeterRegistry registry) {
        this.registry = registry;
    }

    /** {@code resource} is a quota's own name (a fixed set), never anything from the request. */
    public void refused(String resource) {
        try {
            Counter.builder(METRIC).description("Reservations refused because the project's quota would be exceeded")
                    .tag("resource", resource).register(registry).increment();
        } catch (RuntimeException e) {
            LOG.debugf("quota refusal of %s not counted: %s", resource, e);
        }
    }
}
