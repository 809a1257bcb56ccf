package io.windlass.quotaclass.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import io.windlass.compute.api.RequestedComputeVersion;
import io.windlass.compute.policy.ComputePolicy;
import io.windlass.quota.QuotaEnforcer;
import io.windlass.quotaclass.persistence.QuotaClassRepository;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Nova's {@code /v2.1/os-quota-class-sets/{id}} ({@code nova/api/openstack/compute/quota_classes.py}):
 * a quota class's limits, shown and set by admins. Class {@code default} is every project's
 * defaults (what {@code os-quota-sets/{project}/defaults} shows and creates are held to, under a
 * project's own limits); any other name is kept and shown, and limits nothing, as in Nova. A limit
 * the class has no row for is the configured one ({@code windlass.quota.*}; -1 for the
 * nova-network quotas).
 */
@Path("/compute/v2.1/os-quota-class-sets/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class QuotaClassSetsResource {
    private static final Logger LOG = Logger.getLogger(QuotaClassSetsResource.class);
    private static final long UNLIMITED = -1;
    /** Nova's {@code quota_classes.class_name} column. */
    private static final int NAME_LENGTH = 255;

    private final QuotaClassRepository classes;
    private final QuotaEnforcer quotas;
    private final ComputePolicy policy;
    private final CurrentRequestContext context;
    private final RequestedComputeVersion version;
    private final RequestValidator validator;

    public QuotaClassSetsResource(QuotaClassRepository classes, QuotaEnforcer quotas, ComputePolicy policy,
                                  CurrentRequestContext context, RequestedComputeVersion version,
                                  RequestValidator validator) {
        this.classes = classes;
        this.quotas = quotas;
        this.policy = policy;
        this.context = context;
        this.version = version;
        this.validator = validator;
    }

    @GET
    public Map<String, Object> show(@PathParam("id") String name) {
        policy.authorize(ComputePolicy.QUOTA_CLASS_SETS_SHOW, context.get());
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("id", name);
        set.putAll(limits(name));
        return Map.of("quota_class_set", set);
    }

    /** Answers the class's limits after the change, without the id (as Nova). */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(@PathParam("id") String name, JsonNode body) {
        RequestFields given = validator.body(ApiFamily.NOVA, "compute/quota-class-sets/update", version.get(), body)
                .object("quota_class_set");
        policy.authorize(ComputePolicy.QUOTA_CLASS_SETS_UPDATE, context.get());
        int length = name.codePointCount(0, name.length());
        if (length > NAME_LENGTH) {
            throw InvalidInputException.badRequest("quota_class_name has " + length + " characters, more than "
                    + NAME_LENGTH + ".");
        }
        Map<String, Long> limits = new LinkedHashMap<>();
        given.node().properties().forEach(e -> QuotaClassKey.ofKey(e.getKey()).ifPresent(key ->
                limits.put(key.storedAs(), new BigDecimal(e.getValue().asText()).longValueExact())));
        QuarkusTransaction.requiringNew().run(() -> classes.set(name, limits));
        LOG.infof("quota class %s set: %s", name, limits);
        return Map.of("quota_class_set", limits(name));
    }

    /** The keys of this microversion, each the class's limit or the configured one. */
    private Map<String, Object> limits(String name) {
        Map<String, Long> set = QuarkusTransaction.requiringNew().call(() -> classes.limits(name));
        Map<String, Object> shown = new LinkedHashMap<>();
        for (QuotaClassKey key : QuotaClassKey.shownAt(version.get())) {
            Long limit = set.get(key.storedAs());
            shown.put(key.key(), limit != null ? limit
                    : key.resource().map(quotas::configuredLimit).orElse(UNLIMITED));
        }
        return shown;
    }
}
