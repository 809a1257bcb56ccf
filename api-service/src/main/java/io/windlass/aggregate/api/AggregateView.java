package io.windlass.aggregate.api;

import io.windlass.aggregate.persistence.AggregateRecord;
import io.windlass.api.microversion.ApiVersion;
import io.windlass.compute.api.ComputeApiVersions;

import java.util.LinkedHashMap;
import java.util.Map;

/** Nova's aggregate representation at a microversion ({@code nova/api/openstack/compute/aggregates.py}). */
final class AggregateView {
    private AggregateView() {
    }

    /** Full view: show, list, update and the actions. */
    static Map<String, Object> full(AggregateRecord a, ApiVersion version) {
        Map<String, Object> view = base(a, version);
        view.put("hosts", a.hosts());
        view.put("metadata", a.metadata());
        return view;
    }

    /** The create response: Nova omits hosts and metadata there. */
    static Map<String, Object> created(AggregateRecord a, ApiVersion version) {
        return base(a, version);
    }

    private static Map<String, Object> base(AggregateRecord a, ApiVersion version) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("availability_zone", a.availabilityZone());
        view.put("created_at", a.createdAt());
        view.put("deleted", false);
        view.put("deleted_at", null);
        view.put("id", a.id());
        view.put("name", a.name());
        view.put("updated_at", a.updatedAt());
        if (version.isAtLeast(ComputeApiVersions.AGGREGATE_UUID)) {
            view.put("uuid", a.uuid().toString());
        }
        return view;
    }
}
