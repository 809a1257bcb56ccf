package io.windlass.api.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;

/**
 * Accepts request targets holding characters that RFC 3986 wants percent-encoded but that real
 * clients send raw: a regular expression in a filter ({@code ?name=^web}), {@code | { } " < > `},
 * bytes beyond ASCII. Each is percent-encoded and the request re-routed, so everything after sees
 * the target as if the client had encoded it, which is how Nova (webob) reads it. Quarkus would
 * refuse them with an empty 400 before any route runs; {@link UriValidationSwitch} hands that check
 * to this route, which leaves every target one that {@code java.net.URI} accepts.
 */
@ApplicationScoped
public class RequestTargetEncoder {
    private static final Logger LOG = Logger.getLogger(RequestTargetEncoder.class);

    // before RequestIdRouteFilter (-1000): a re-route starts the routes again and drops the
    // headers-end handlers, so the id is assigned once, to the encoded request
    private static final int ORDER = -2_000;

    /** What may stand raw in a target besides letters, digits and a valid {@code %HH}. */
    private static final String ALLOWED = "-._~!$&'()*+,;=:@/?";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::encode);
    }

    void encode(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        String target = request.uri();
        String encoded = encoded(target);
        if (encoded.equals(target)) {
            routing.next();
            return;
        }
        LOG.debugf("percent-encoded the request target %s as %s", target, encoded);
        routing.reroute(request.method(), originForm(encoded));
    }

    /**
     * {@code target} with every character that may not stand raw percent-encoded, a {@code %} that
     * starts no {@code %HH} included (webob reads that as a literal {@code %} too). Netty reads the
     * request line as ISO-8859-1, so each character up to U+00FF is one byte the client sent.
     */
    static String encoded(String target) {
        StringBuilder out = null;
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (mayStandRaw(c) || (c == '%' && isHex(target, i + 1) && isHex(target, i + 2))) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(target.length() + 16).append(target, 0, i);
            }
            if (c <= 0xFF) {
                escape(out, c);
            } else {
                // not from the wire (see above), but keep the promise: its UTF-8 bytes
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    escape(out, b & 0xFF);
                }
            }
        }
        return out == null ? target : out.toString();
    }

    /** Re-routing takes a path: an absolute-form target ({@code http://host/p?q}) loses its scheme and host. */
    static String originForm(String target) {
        if (target.startsWith("/")) {
            return target;
        }
        int authority = target.indexOf("://");
        int start = authority < 0 ? 0 : authority + 3;
        for (int i = start; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '/') {
                return target.substring(i);
            }
            if (c == '?') {
                return "/" + target.substring(i);
            }
        }
        return "/";
    }

    private static boolean mayStandRaw(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ALLOWED.indexOf(c) >= 0;
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0 && s.charAt(i) < 0x80;
    }

    private static void escape(StringBuilder out, int b) {
        out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
    }
}
