package io.windlass.container.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.random.RandomGenerator;

/** Names containers created without one, Zun-style: {@code <adjective>-<noun>-container}. */
@ApplicationScoped
public class ContainerNameGenerator {
    private static final List<String> ADJECTIVES = List.of("brave", "calm", "clever", "eager", "gentle", "happy",
            "jolly", "keen", "lively", "nimble", "proud", "quiet", "rapid", "sharp", "steady", "swift", "tidy",
            "vivid", "witty", "zesty");
    private static final List<String> NOUNS = List.of("anchor", "beacon", "cedar", "delta", "ember", "falcon",
            "harbor", "island", "lagoon", "meadow", "otter", "pebble", "quartz", "raven", "summit", "tide",
            "valley", "willow", "yarrow", "zephyr");

    private final RandomGenerator random = RandomGenerator.getDefault();

    public String next() {
        return ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + "-" + NOUNS.get(random.nextInt(NOUNS.size()))
                + "-container";
    }
}
