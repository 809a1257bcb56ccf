package io.windlass.server;

/**
 * Nova's rescue of one server: the guest frozen and a rescue system started beside it, from
 * {@code image}, on the server's addresses, with the server's own filesystem mounted in it.
 *
 * @param uuid  server uuid
 * @param image the rescue image's engine reference, as a {@link ServerSpec#image()}: the rescue
 *              image the caller named, or the server's own image (Nova's default)
 */
public record RescueServer(String uuid, String image) {
}
