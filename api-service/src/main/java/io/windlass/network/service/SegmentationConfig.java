package io.windlass.network.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The VXLAN network identifiers tenant networks are given from (Neutron's {@code vni_ranges}).
 * The data plane carries each network in its own segment; 24 bits allow up to 16777215.
 */
@ConfigMapping(prefix = "windlass.network.segmentation")
public interface SegmentationConfig {
    @WithDefault("1000")
    int min();

    @WithDefault("16000000")
    int max();
}
