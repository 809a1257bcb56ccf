package io.windlass.server;

/**
 * Shelve a server on its host (compute {@code shelve_server}, a call, since 1.18), as Nova's
 * {@code shelve_instance} and {@code shelve_offload_instance} do: powered off cleanly, committed to
 * the shelved image when one is named, and removed from the host when offloaded. Asked again, the
 * host does it again: a stopped server stays stopped, the commit moves the same tag, a removed one
 * is gone already.
 *
 * @param uuid      the server
 * @param reference the engine reference of its shelved image, or null when it only leaves the host (an
 *                  offload of a server shelved before)
 * @param offload   remove the server from the host once committed
 */
public record ShelveServer(String uuid, String reference, boolean offload) {
}
