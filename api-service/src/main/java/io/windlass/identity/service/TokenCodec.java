package io.windlass.identity.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Token wire format: {@code w1.<base64url(claims JSON)>.<base64url(HMAC-SHA256)>}; the MAC
 * covers everything before the last dot. {@code w1} names the format so it can change later.
 */
@ApplicationScoped
public class TokenCodec {
    private static final String VERSION = "w1";
    private static final String ALGORITHM = "HmacSHA256";

    // a private mapper: the token format must not change when the REST mapper's settings do
    private final ObjectMapper json = new ObjectMapper();
    private final TokenSigningKey key;

    public TokenCodec(TokenSigningKey key) {
        this.key = key;
    }

    public String encode(TokenClaims claims) {
        try {
            String body = VERSION + "." + b64(json.writeValueAsBytes(claims));
            return body + "." + b64(mac(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("token claims are plain data", e);
        }
    }

    /** The claims of an authentic token (expiry is not checked here), or empty for anything else. */
    public Optional<TokenClaims> decode(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int lastDot = token.lastIndexOf('.');
        if (!token.startsWith(VERSION + ".") || lastDot <= VERSION.length()) {
            return Optional.empty();
        }
        String body = token.substring(0, lastDot);
        try {
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(lastDot + 1));
            if (!MessageDigest.isEqual(signature, mac(body))) {
                return Optional.empty();
            }
            byte[] payload = Base64.getUrlDecoder().decode(body.substring(VERSION.length() + 1));
            return Optional.of(json.readValue(payload, TokenClaims.class));
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.get(), ALGORITHM));
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
