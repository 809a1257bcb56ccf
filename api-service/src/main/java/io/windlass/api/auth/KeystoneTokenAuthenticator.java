package io.windlass.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.windlass.identity.service.RoleHierarchy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code strategy=keystone}: asks an external Keystone ({@code GET /v3/auth/tokens}) who a
 * token belongs to, and reuses the answer for {@code cache-ttl} (never past the token's
 * expiry). Cache keys are token hashes, so tokens are not kept in memory in clear.
 */
@ApplicationScoped
public class KeystoneTokenAuthenticator implements TokenAuthenticator {
    private static final Logger LOG = Logger.getLogger(KeystoneTokenAuthenticator.class);

    private final AuthConfig.Keystone config;
    private final ObjectMapper json;
    private final HttpClient http;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private volatile String resolvedUrl;

    public KeystoneTokenAuthenticator(AuthConfig config, ObjectMapper json) {
        this.config = config.keystone();
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(this.config.timeout()).build();
    }

    private record Cached(Caller caller, Instant until) {
    }

    @Override
    public Caller authenticate(String token) {
        String key = sha256(token);
        Cached hit = cache.get(key);
        if (hit != null && hit.until().isAfter(Instant.now())) {
            return hit.caller();
        }
        Validation validation = ask(token);
        if (cache.size() >= config.cacheSize()) {
            // a crude bound: drop expired entries, and everything if that was not enough
            cache.values().removeIf(c -> !c.until().isAfter(Instant.now()));
            if (cache.size() >= config.cacheSize()) {
                cache.clear();
            }
        }
        Instant until = Instant.now().plus(config.cacheTtl());
        cache.put(key, new Cached(validation.caller(), until.isBefore(validation.expiresAt()) ? until
                : validation.expiresAt()));
        return validation.caller();
    }

    @Override
    public String identityUri(String root) {
        return url();
    }

    private record Validation(Caller caller, Instant expiresAt) {
    }

    private Validation ask(String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/auth/tokens"))
                .timeout(config.timeout())
                .header("Accept", "application/json")
                .header("X-Auth-Token", config.serviceToken().orElse(token))
                .header("X-Subject-Token", token)
                .GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            LOG.warnf("Keystone at %s unreachable: %s", url(), e.getMessage());
            throw new AuthenticationFailed("The identity service could not validate the token; try again later.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthenticationFailed("Token validation was interrupted.");
        }
        if (response.statusCode() != 200) {
            LOG.infof("Keystone rejected a token: HTTP %d", response.statusCode());
            throw new AuthenticationFailed("The request you have made requires authentication.");
        }
        try {
            JsonNode t = json.readTree(response.body()).path("token");
            List<String> roles = new ArrayList<>();
            t.path("roles").forEach(r -> roles.add(r.path("name").asText()));
            String project = t.path("project").path("id").asText(null);
            Instant expires = OffsetDateTime.parse(t.path("expires_at").asText()).toInstant();
            String auditId = t.path("audit_ids").path(0).asText(null);
            return new Validation(new Caller(t.path("user").path("id").asText(), project,
                    RoleHierarchy.expand(roles), auditId), expires);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Keystone's token document could not be read: %s", e.getMessage());
            throw new AuthenticationFailed("The identity service returned an unreadable token document.");
        }
    }

    private String url() {
        String url = resolvedUrl;
        if (url == null) {
            // resolved on first use rather than at start, so that it may name this service's own
            // port when that is only chosen at start (a test pointing the strategy at itself)
            url = ConfigProvider.getConfig().getOptionalValue("windlass.auth.keystone.url", String.class)
                    .or(config::url).orElseThrow(() -> new IllegalStateException(
                            "windlass.auth.keystone.url is required with windlass.auth.strategy=keystone"));
            url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            resolvedUrl = url;
        }
        return url;
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
