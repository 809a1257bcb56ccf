package io.windlass.server;

/**
 * Nova's cold migration of one server, and a resize that moves it ({@code migrate_server}, since
 * conductor 1.15): the row is in {@code resize_prep} with the flavor it moves to in
 * {@code new_flavor} (its own for a migration) and an open migration record.
 *
 * @param uuid server uuid
 * @param host the host an admin asked for (2.56), or null: the scheduler picks one
 */
public record MigrateServer(String uuid, String host) {
}
