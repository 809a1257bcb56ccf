package io.windlass.registry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The key registry passwords are sealed under ({@link RegistryPasswordCipher}); the api-service and conductor share it. */
@ConfigMapping(prefix = "windlass.registry")
public interface RegistryKeyConfig {
    /**
     * 32 bytes, base64. The default is {@link RegistryPasswordCipher#DEVELOPMENT_KEY}, which is in the source: the
     * services warn when they run with it; {@code deploy/local/up} generates one per deployment
     * ({@code .state/registry-key}) and passes it as {@code WINDLASS_REGISTRY_PASSWORD_KEY}.
     */
    @WithDefault(RegistryPasswordCipher.DEVELOPMENT_KEY)
    String passwordKey();
}
