package io.windlass.network.service;

import java.util.random.RandomGenerator;

/**
 * A range of segmentation ids. A new network tries random ids first: with a few networks in a
 * range of millions a random id is almost always free, so creates do not contend on "the next
 * id"; only when several random tries collide does the repository look for the lowest gap.
 */
public record SegmentRange(int min, int max) {
    public SegmentRange {
        if (min < 1 || max > 16777215 || min > max) {
            throw new IllegalArgumentException("segmentation range must lie within 1-16777215 and min <= max, not "
                    + min + "-" + max);
        }
    }

    public int random(RandomGenerator random) {
        return random.nextInt(min, max + 1);
    }

    public boolean contains(int id) {
        return id >= min && id <= max;
    }
}
