package io.windlass.registry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.container.ContainerSpec;
import io.windlass.container.ImageRegistry;
import io.windlass.container.RegistryLogin;
import io.windlass.workload.CreateRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.UUID;

/**
 * What a container of Zun's {@code registry} needs on its host: the image as the registry serves it and the
 * login to pull it with, read from {@code registries} (the agent has no database). The password is opened here,
 * just before the create goes out, and travels only in that message.
 */
@ApplicationScoped
public class RegistryLogins {
    private final EntityManager em;
    private final RegistryPasswordCipher cipher;

    public RegistryLogins(EntityManager em, RegistryPasswordCipher cipher) {
        this.em = em;
        this.cipher = cipher;
    }

    /**
     * The spec to send: unchanged without a registry; otherwise its image taken from the registry's domain (Zun's
     * {@code parse_image_name}) and, when the registry has a username, its login.
     *
     * @throws CreateRefused when the registry is gone, the image names another registry (the registry's domain
     *                       changed since the create was accepted), or the password cannot be opened
     */
    public ContainerSpec pulledFrom(ContainerSpec spec, UUID registry) {
        if (registry == null) {
            return spec;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT domain, username, password FROM registries WHERE uuid = :uuid")
                .setParameter("uuid", registry).getResultList());
        if (rows.isEmpty()) {
            throw new CreateRefused("Registry " + registry + " could not be found.");
        }
        String domain = (String) rows.getFirst()[0];
        String username = (String) rows.getFirst()[1];
        if (!ImageRegistry.belongsTo(spec.image(), domain)) {
            throw new CreateRefused("Image " + spec.image() + " is not in registry " + registry + " (" + domain
                    + "): its login goes to that registry only.");
        }
        RegistryLogin login = null;
        if (username != null) {
            try {
                login = new RegistryLogin(domain, username, cipher.open(registry, (String) rows.getFirst()[2]));
            } catch (RegistryPasswordCipher.UnreadablePasswordException e) {
                throw new CreateRefused("Cannot pull from registry " + registry + ": " + e.getMessage());
            }
        }
        return spec.pulledFrom(ImageRegistry.qualified(spec.image(), domain), login);
    }
}
