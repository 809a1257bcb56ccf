package io.windlass.container.service;

/**
 * What of a container's log {@code GET /containers/{id}/logs} asks for.
 *
 * @param stdout     what it wrote to stdout
 * @param stderr     what it wrote to stderr
 * @param timestamps each line behind the engine's timestamp
 * @param tail       the last this many lines (counted over both streams, as the engine counts them); null: all
 * @param since      from this Unix time (seconds) on; null: from the start
 * @param follow     (beyond Zun) then every new line, streamed until the client goes or the container's log ends
 */
public record ContainerLogQuery(boolean stdout, boolean stderr, boolean timestamps, Integer tail, Long since,
                                boolean follow) {
}
