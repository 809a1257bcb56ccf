package io.windlass.image.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.api.error.ApiException;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.context.RequestContext;
import io.windlass.image.ImageStatus;
import io.windlass.image.catalog.CatalogImage;
import io.windlass.image.catalog.ImageCatalog;
import io.windlass.image.persistence.ImageEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Nova's image metadata proxy ({@code nova/api/openstack/compute/image_metadata.py}): an image's
 * additional properties, read by whoever sees the image and changed by its owner's members (or an
 * admin), in Nova's words. Only images Windlass made or took have properties; the hosts' images
 * have none, and are not theirs to change.
 */
@ApplicationScoped
public class ImageMetadata {
    /** Nova's {@code CONF.quota.metadata_items}, which it checks image metadata against too. */
    static final int MAX_ITEMS = 128;
    private static final String NOT_FOUND = "Image not found.";

    private final EntityManager em;
    private final ImageCatalog catalog;

    public ImageMetadata(EntityManager em, ImageCatalog catalog) {
        this.em = em;
        this.catalog = catalog;
    }

    public Map<String, String> index(RequestContext caller, String id) {
        CatalogImage image = catalog.find(caller, id).orElseThrow(ImageMetadata::notFound);
        return image.made() == null ? new TreeMap<>() : new TreeMap<>(image.made().properties());
    }

    public Map<String, String> show(RequestContext caller, String id, String key) {
        String value = index(caller, id).get(key);
        if (value == null) {
            throw new ResourceNotFoundException("NotFound", "Invalid metadata key");
        }
        return Map.of(key, value);
    }

    /** POST: the pairs added to (or replacing) those of the same keys; all of them after. */
    public Map<String, String> merge(RequestContext caller, String id, Map<String, String> given) {
        return change(caller, id, properties -> properties.putAll(given));
    }

    /** PUT: the pairs are all there are after. */
    public Map<String, String> replace(RequestContext caller, String id, Map<String, String> given) {
        change(caller, id, properties -> {
            properties.clear();
            properties.putAll(given);
        });
        return given;
    }

    public void set(RequestContext caller, String id, String key, String value) {
        change(caller, id, properties -> properties.put(key, value));
    }

    public void delete(RequestContext caller, String id, String key) {
        change(caller, id, properties -> {
            if (properties.remove(key) == null) {
                throw new ResourceNotFoundException("NotFound", "Invalid metadata key");
            }
        });
    }

    private Map<String, String> change(RequestContext caller, String id, Consumer<Map<String, String>> how) {
        catalog.find(caller, id).orElseThrow(ImageMetadata::notFound);
        UUID uuid = MadeImages.parse(id);
        return QuarkusTransaction.requiringNew().call(() -> {
            ImageEntity image = uuid == null ? null : em.find(ImageEntity.class, uuid, LockModeType.PESSIMISTIC_WRITE);
            if (image == null || !caller.isAdmin() && !image.owner.equals(caller.projectId())) {
                throw new ApiException(403, "ImageNotAuthorized", "Not allowed to modify attributes for image " + id);
            }
            if (image.status == ImageStatus.DELETED) {
                throw notFound();
            }
            Map<String, String> properties = new HashMap<>(image.properties);
            how.accept(properties);
            if (properties.size() > MAX_ITEMS) {
                throw new ApiException(403, "Forbidden", "Image metadata limit exceeded");
            }
            image.properties = properties;
            image.updatedAt = Instant.now();
            return new TreeMap<>(properties);
        });
    }

    private static ResourceNotFoundException notFound() {
        return new ResourceNotFoundException("ImageNotFound", NOT_FOUND);
    }
}
