package io.windlass.flavor.api;

import io.windlass.api.microversion.ApiVersion;
import io.windlass.compute.api.ComputeApiVersions;
import io.windlass.compute.api.ComputeLinks;
import io.windlass.flavor.persistence.FlavorRecord;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Nova's flavor views ({@code nova/api/openstack/compute/views/flavors.py}), shaped by microversion. */
final class FlavorView {
    private FlavorView() {
    }

    /** {@code GET /flavors} entries: id, name, links (description from 2.55). */
    static Map<String, Object> basic(FlavorRecord f, ApiVersion version, ComputeLinks links) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", f.flavorId());
        view.put("name", f.name());
        if (version.isAtLeast(ComputeApiVersions.FLAVOR_DESCRIPTION)) {
            view.put("description", f.description());
        }
        view.put("links", links.links("flavors", f.flavorId()));
        return view;
    }

    /** Show, detail, create and update. {@code withExtraSpecs}: 2.61 and the caller may read them. */
    static Map<String, Object> full(FlavorRecord f, ApiVersion version, ComputeLinks links, boolean withExtraSpecs) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", f.flavorId());
        view.put("name", f.name());
        view.put("ram", f.memoryMb());
        view.put("disk", f.rootGb());
        // Nova shows "no swap" as "" until 2.75 made the type consistent
        view.put("swap", f.swapMb() == 0 && !version.isAtLeast(ComputeApiVersions.CONSISTENT_RESPONSES)
                ? "" : f.swapMb());
        view.put("OS-FLV-EXT-DATA:ephemeral", f.ephemeralGb());
        view.put("OS-FLV-DISABLED:disabled", f.disabled());
        view.put("vcpus", f.vcpus());
        view.put("os-flavor-access:is_public", f.isPublic());
        view.put("rxtx_factor", f.rxtxFactor());
        if (version.isAtLeast(ComputeApiVersions.FLAVOR_DESCRIPTION)) {
            view.put("description", f.description());
        }
        if (withExtraSpecs) {
            view.put("extra_specs", new TreeMap<>(f.extraSpecs()));
        }
        view.put("links", links.links("flavors", f.flavorId()));
        return view;
    }
}
