package io.windlass.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** The deployment's {@link RegistryPasswordCipher}, for the services that seal (api) and open (conductor) passwords. */
@ApplicationScoped
public class RegistryCipherProducer {
    private static final Logger LOG = Logger.getLogger(RegistryCipherProducer.class);

    @Produces
    @Singleton
    RegistryPasswordCipher cipher(RegistryKeyConfig config) {
        RegistryPasswordCipher cipher = new RegistryPasswordCipher(config.passwordKey());
        if (cipher.developmentKey()) {
            LOG.warn("registry passwords are sealed under the built-in development key: set "
                    + "windlass.registry.password-key (WINDLASS_REGISTRY_PASSWORD_KEY) to a key of this deployment's own");
        }
        return cipher;
    }
}
