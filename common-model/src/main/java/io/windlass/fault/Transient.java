package io.windlass.fault;

/**
 * Marks an exception whose cause goes away by itself (an engine restarting, the broker recovering
 * a connection): {@link TransientFailure} treats it as such wherever it sits in a cause chain.
 */
public interface Transient {
}
