package io.windlass.hypervisor.persistence;

import java.util.UUID;

/** A server placed on a host, as the hypervisor APIs list it ({@code servers: [{name, uuid}]}). */
public record HostedServer(String host, String name, UUID uuid) {
}
