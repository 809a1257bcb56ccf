package io.windlass.server.service;

import io.windlass.server.persistence.ServerEntity;

import java.util.List;

/**
 * The outcome of one create request.
 *
 * @param servers       the rows written (min_count..max_count of them)
 * @param reservationId the request's reservation id
 * @param adminPass     the password given or generated (shown once, in the 202)
 */
public record CreatedServers(List<ServerEntity> servers, String reservationId, String adminPass) {
}
