package io.windlass.server.service;

import io.windlass.port.workload.RequestedNetwork;
import io.windlass.server.InjectedFile;

import java.util.List;
import java.util.Map;

/**
 * A validated {@code POST /servers} body; flavor and image are still references, resolved
 * against the caller's view by {@link ServerService}.
 *
 * @param name                display name
 * @param flavorRef           flavor id (a URL was reduced to its last segment)
 * @param imageRef            image catalogue id
 * @param metadata            server metadata
 * @param userData            base64 user data or null
 * @param files               personality files (before 2.57)
 * @param minCount            fewest servers to create
 * @param maxCount            most servers to create
 * @param returnReservationId answer with the reservation id instead of the server
 * @param availabilityZone    requested zone or null
 * @param forcedHost          host from {@code zone:host} or the 2.74 {@code host} field (admin), or null
 * @param hostNamed           named by 2.74's {@code host}/{@code hypervisor_hostname}, which Nova requires to exist
 *                            (the older {@code zone:host} form it leaves to the scheduler)
 * @param securityGroups      security group names as asked (default: {@code default})
 * @param accessIpV4          access IPv4 or null
 * @param accessIpV6          access IPv6 or null
 * @param diskConfig          AUTO or MANUAL
 * @param adminPass           password asked for, or null to generate one
 * @param description         description (2.19) or null
 * @param hostname            hostname (2.90) or null to derive it from the name
 * @param network             {@code auto} (the project's network, else the engine's default one) or {@code none}
 *                            (2.37); null when {@code networks} is a list or, before 2.37, absent
 * @param nets                the networks and ports asked for, in order ({@code networks} as a list); empty with
 *                            {@code auto}: one is chosen
 * @param schedulerHints      scheduler hints (values as lists)
 * @param tags                server tags (2.52), each once
 * @param keyName             the caller's key pair to boot with, or null
 */
public record ServerCreateRequest(String name, String flavorRef, String imageRef, Map<String, String> metadata,
                                  String userData, List<InjectedFile> files, int minCount, int maxCount,
                                  boolean returnReservationId, String availabilityZone, String forcedHost, boolean hostNamed,
                                  List<String> securityGroups, String accessIpV4, String accessIpV6,
                                  String diskConfig, String adminPass, String description, String hostname,
                                  String network, Map<String, List<String>> schedulerHints,
                                  List<RequestedNetwork> nets, List<String> tags, String keyName) {
}
