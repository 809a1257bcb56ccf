package io.windlass.agent.driver.fake;

import io.windlass.agent.driver.ImageUnavailableException;

import java.util.function.Predicate;

/**
 * The images a simulated host "has", as every fake driver checks them before creating: an untagged
 * reference means {@code :latest}, as Docker reads it, and a missing image fails as on a real host.
 *
 * @param has whether the host has a fully tagged image (the fake container driver's image set)
 */
record HostImages(Predicate<String> has) {

    void require(String reference) {
        String image = reference.contains(":") ? reference : reference + ":latest";
        if (!has.test(image)) {
            throw new ImageUnavailableException(image, null, null);
        }
    }
}
