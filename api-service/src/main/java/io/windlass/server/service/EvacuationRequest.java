package io.windlass.server.service;

/**
 * An evacuate action ({@code {"evacuate": {...}}}) as read at the request's microversion.
 *
 * @param host            the host asked for, or null for the scheduler's choice
 * @param force           2.29–2.67: skip the scheduler in Nova; here the filters still judge the host
 * @param onSharedStorage before 2.14: the disks are on shared storage (no new password then)
 * @param adminPass       the password asked for, or null
 * @param answersPassword before 2.14: the response carries {@code adminPass}
 * @param stopped         from 2.95: the server ends stopped on its new host
 */
public record EvacuationRequest(String host, boolean force, boolean onSharedStorage, String adminPass,
                                boolean answersPassword, boolean stopped) implements ServerActionRequest {
}
