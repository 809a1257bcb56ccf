package io.windlass.scheduler.filter;

import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.host.HostCandidate;

import java.util.Map;
import java.util.Set;

/**
 * Keeps images on the hosts meant for them: for every aggregate metadata key that is also a
 * property of the request's image, the image's value must be one of the aggregate's values.
 * Keys the image does not set, and images without properties, do not restrict.
 */
public class AggregateImagePropertiesIsolation implements HostFilter {

    @Override
    public boolean passes(HostCandidate host, ResourceRequest request) {
        Map<String, String> image = request.imageProperties();
        if (image.isEmpty()) {
            return true;
        }
        for (Map.Entry<String, Set<String>> entry : host.aggregates().metadata().entrySet()) {
            String value = image.get(entry.getKey());
            if (value != null && !entry.getValue().contains(value)) {
                return false;
            }
        }
        return true;
    }
}
