package io.windlass.servergroup.service;

/**
 * A validated {@code POST /os-server-groups} body ({@code schemas/compute/server-groups/create}).
 *
 * @param name             the group's name
 * @param policy           the one policy: {@code policies[0]} before 2.64, {@code policy} from it
 * @param maxServerPerHost the rule {@code max_server_per_host} (2.64), or null when no rule is given
 */
public record NewServerGroup(String name, String policy, Integer maxServerPerHost) {
}
