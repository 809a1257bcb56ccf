package io.windlass.server;

/**
 * A personality file (before microversion 2.57): placed on the config drive.
 *
 * @param path     path the user asked for (≤ 255 characters)
 * @param contents base64 contents, as sent
 */
public record InjectedFile(String path, String contents) {
}
