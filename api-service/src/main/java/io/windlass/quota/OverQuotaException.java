package io.windlass.quota;

import io.windlass.api.error.ApiException;

import java.util.List;
import java.util.stream.Collectors;

/** 403 naming the exceeded quotas, worded as Zun's {@code OverQuota}. */
public class OverQuotaException extends ApiException {
    public OverQuotaException(List<QuotaResource> exceeded) {
        super(403, "OverQuota", "Quota exceeded for resources: "
                + exceeded.stream().map(r -> "'" + r.key() + "'").collect(Collectors.joining(", ", "[", "]")));
    }
}
