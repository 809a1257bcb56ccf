package io.windlass.keypair.api;

import io.windlass.api.microversion.ApiVersion;
import io.windlass.compute.api.ComputeApiVersions;
import io.windlass.keypair.persistence.KeyPairRecord;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Nova's key pair views ({@code nova/api/openstack/compute/views/keypairs.py}): the list shows
 * name, key and fingerprint; create adds the user (and a generated private key); show adds the
 * soft-delete fields Nova still prints, never set. {@code type} from 2.2.
 */
final class KeyPairView {
    /** Nova prints a key pair's naive UTC datetime with microseconds. */
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private KeyPairView() {
    }

    static Map<String, Object> item(KeyPairRecord k, ApiVersion version) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", k.name());
        v.put("public_key", k.publicKey());
        v.put("fingerprint", k.fingerprint());
        if (version.isAtLeast(ComputeApiVersions.KEYPAIR_TYPE)) {
            v.put("type", k.type());
        }
        return v;
    }

    static Map<String, Object> created(KeyPairRecord k, String privateKey, ApiVersion version) {
        Map<String, Object> v = item(k, version);
        v.put("user_id", k.userId());
        if (privateKey != null) {
            v.put("private_key", privateKey);
        }
        return v;
    }

    static Map<String, Object> full(KeyPairRecord k, ApiVersion version) {
        Map<String, Object> v = item(k, version);
        v.put("user_id", k.userId());
        v.put("created_at", CREATED.format(k.createdAt()));
        v.put("deleted", false);
        v.put("deleted_at", null);
        v.put("id", k.id());
        v.put("updated_at", null);
        return v;
    }
}
