package io.windlass.aggregate.api;

import java.util.Map;
import java.util.Optional;

/** One validated {@code POST /os-aggregates/{id}/action} body. */
sealed interface AggregateAction {

    /** {@code {"add_host": {"host": H}}}. */
    record AddHost(String host) implements AggregateAction {
    }

    /** {@code {"remove_host": {"host": H}}}. */
    record RemoveHost(String host) implements AggregateAction {
    }

    /** {@code {"set_metadata": {"metadata": {...}}}}; an empty value means delete the key. */
    record SetMetadata(Map<String, Optional<String>> metadata) implements AggregateAction {
    }
}
