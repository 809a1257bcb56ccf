package io.windlass.keypair.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.api.error.ApiException;
import io.windlass.api.error.ConflictException;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.compute.policy.ComputePolicy;
import io.windlass.context.RequestContext;
import io.windlass.keypair.persistence.KeyPairRecord;
import io.windlass.keypair.persistence.KeyPairRepository;
import io.windlass.quota.QuotaEnforcer;
import io.windlass.quota.QuotaResource;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Nova's key pairs ({@code KeypairAPI} in {@code nova/compute/api.py}): a user's named public keys,
 * imported or generated, that servers are booted with ({@code key_name}). They belong to a user,
 * not a project: the policy target is the owning user, and the quota ({@code key_pairs}) counts
 * the user's pairs against the caller's project's limit.
 */
@ApplicationScoped
public class KeyPairService {
    private static final Logger LOG = Logger.getLogger(KeyPairService.class);
    private static final String SSH = "ssh";

    private final KeyPairRepository repository;
    private final ComputePolicy policy;
    private final QuotaEnforcer quotas;
    private final WinRmCertificates certificates;

    public KeyPairService(KeyPairRepository repository, ComputePolicy policy, QuotaEnforcer quotas,
                          WinRmCertificates certificates) {
        this.certificates = certificates;
        this.repository = repository;
        this.policy = policy;
        this.quotas = quotas;
    }

    public CreatedKeyPair create(RequestContext caller, NewKeyPair request) {
        String userId = request.userId() != null ? request.userId() : caller.userId();
        policy.authorizeOnUser(ComputePolicy.KEYPAIRS_CREATE, caller, userId);
        String name = request.name().strip();
        String type = request.type() != null ? request.type() : SSH;
        String publicKey = request.publicKey();
        String privateKey = null;
        if (publicKey == null) {
            GeneratedKeyPair generated = type.equals(SSH) ? GeneratedKeyPair.rsa() : certificates.generate(userId);
            publicKey = generated.publicKey();
            privateKey = generated.privateKey();
        }
        String fingerprint = fingerprint(publicKey, type);
        String key = publicKey;
        KeyPairRecord created = QuarkusTransaction.requiringNew().call(() -> {
            repository.lockUser(userId);
            long limit = quotas.limit(caller.projectId(), QuotaResource.KEY_PAIRS);
            if (limit >= 0 && repository.count(userId) + 1 > limit) {
                quotas.refused(QuotaResource.KEY_PAIRS);
                throw new ApiException(403, "KeypairLimitExceeded", "Quota exceeded, too many key pairs.");
            }
            return repository.insert(userId, name, type, fingerprint, key).orElseThrow(() ->
                    new ConflictException("KeyPairExists", "Key pair '" + name + "' already exists."));
        });
        LOG.infof("key pair %s of user %s %s (%s, %s)", name, userId, privateKey == null ? "imported" : "generated",
                type, fingerprint);
        return new CreatedKeyPair(created, privateKey);
    }

    /**
     * @param userId the owner an admin names (2.10), or null for the caller
     * @param marker the name of the last pair of the previous page (2.35), or null
     */
    public List<KeyPairRecord> list(RequestContext caller, String userId, String marker, int limit) {
        String owner = owner(caller, userId, ComputePolicy.KEYPAIRS_INDEX);
        return QuarkusTransaction.requiringNew().call(() -> {
            Long after = null;
            if (marker != null) {
                after = repository.find(owner, marker).map(KeyPairRecord::id).orElseThrow(() ->
                        InvalidInputException.badRequest("Marker " + marker + " could not be found."));
            }
            return repository.page(owner, after, limit);
        });
    }

    public KeyPairRecord show(RequestContext caller, String userId, String name) {
        String owner = owner(caller, userId, ComputePolicy.KEYPAIRS_SHOW);
        return QuarkusTransaction.requiringNew().call(() -> repository.find(owner, name))
                .orElseThrow(() -> notFound(owner, name));
    }

    public void delete(RequestContext caller, String userId, String name) {
        String owner = owner(caller, userId, ComputePolicy.KEYPAIRS_DELETE);
        if (!QuarkusTransaction.requiringNew().call(() -> repository.delete(owner, name))) {
            throw notFound(owner, name);
        }
        LOG.infof("key pair %s of user %s deleted", name, owner);
    }

    /**
     * The key pair a server is booted with: the caller's own, as Nova's {@code _validate_and_build_base_options}
     * looks it up (an admin booting for a project uses a key of their own too).
     */
    public KeyPairRecord forBoot(RequestContext caller, String name) {
        return QuarkusTransaction.requiringNew().call(() -> repository.find(caller.userId(), name))
                .orElseThrow(() -> InvalidInputException.badRequest("Invalid key_name provided."));
    }

    private String owner(RequestContext caller, String userId, String rule) {
        String owner = userId != null ? userId : caller.userId();
        policy.authorizeOnUser(rule, caller, owner);
        return owner;
    }

    private static ResourceNotFoundException notFound(String userId, String name) {
        return new ResourceNotFoundException("KeypairNotFound", "Keypair " + name + " not found for user " + userId);
    }

    private static String fingerprint(String publicKey, String type) {
        if (type.equals(SSH)) {
            return SshPublicKey.parse(publicKey).map(SshPublicKey::fingerprint).orElseThrow(() ->
                    InvalidInputException.badRequest("Keypair data is invalid: failed to generate fingerprint"));
        }
        try {
            return X509Fingerprint.of(publicKey);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.badRequest("Keypair data is invalid: failed to generate X509 fingerprint. "
                    + "Error message: " + e.getMessage());
        }
    }
}
