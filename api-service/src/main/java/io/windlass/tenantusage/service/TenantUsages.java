package io.windlass.tenantusage.service;

import io.windlass.api.error.InvalidInputException;
import io.windlass.tenantusage.persistence.UsageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Usage reports over the servers table (Nova's {@code os-simple-tenant-usage}). */
@ApplicationScoped
public class TenantUsages {
    private static final Pattern UUID_TEXT = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final UsageRepository repository;

    public TenantUsages(UsageRepository repository) {
        this.repository = repository;
    }

    /**
     * A page of the servers active in the period, after the marker's server, and their usage.
     *
     * @param project one project's, or null for every project's
     * @param marker  a server's uuid (deleted ones too), or null
     * @throws InvalidInputException when the marker names no server
     */
    @Transactional
    public TenantUsageReport report(UsagePeriod period, Instant now, String project, String marker, int limit,
                                   boolean detailed) {
        UsageRepository.Position after = null;
        if (marker != null) {
            after = Optional.of(marker).filter(m -> UUID_TEXT.matcher(m).matches()).map(UUID::fromString)
                    .flatMap(repository::position)
                    .orElseThrow(() -> InvalidInputException.badRequest("Marker " + marker + " could not be found."));
        }
        return TenantUsageReport.of(repository.activeIn(period.start(), period.stop(), project, after, limit), period,
                now, detailed);
    }
}
