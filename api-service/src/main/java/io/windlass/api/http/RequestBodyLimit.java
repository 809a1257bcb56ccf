package io.windlass.api.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.windlass.api.config.ApiConfig;
import io.windlass.api.error.ApiException;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.error.RouteErrorResponses;
import io.windlass.image.service.ImageUploadConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.vertx.VertxInputStream;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses a request body larger than {@code windlass.api.max-body-size} (an image data upload:
 * {@code windlass.image.upload.max-size}) with a 413 in the API family's error format, then closes
 * the connection rather than read the rest. Quarkus enforces its own limit, set to the larger of the
 * two, with an empty 413: a declared {@code Content-Length} in a route (order -2), which
 * the route here runs before; a chunked body while JAX-RS reads it ({@code VertxInputStream}, which
 * then also fails the request with an {@code IOException} logged as a 500), where the filter here
 * puts a stream of its own instead. That stream also turns a body that cannot be read (a malformed
 * chunk) into a quiet 400 instead of a logged stack trace; Vert.x has closed the connection by then.
 */
@ApplicationScoped
public class RequestBodyLimit {
    // after RequestIdRouteFilter (-1000) and before Quarkus' own check (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT)
    private static final int ORDER = -3;
    private static final String ERROR_NAME = "RequestEntityTooLarge";

    private final long limit;
    private final long uploadLimit;
    private final RouteErrorResponses errors;

    public RequestBodyLimit(ApiConfig api, ImageUploadConfig uploads, RouteErrorResponses errors) {
        this.limit = api.maxBodySize().asLongValue();
        this.uploadLimit = uploads.maxSize().asLongValue();
        this.errors = errors;
    }

    /** The limit of one request: an image's data ({@code PUT /image/v2/images/{id}/file}) has its own. */
    long limitOf(String method, String path) {
        return method.equals("PUT") && path.startsWith("/image/v2/images/") && path.endsWith("/file")
                ? uploadLimit : limit;
    }

    private long limitOf(RoutingContext routing) {
        return limitOf(routing.request().method().name(), routing.normalizedPath());
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::refuseDeclaredOversize);
    }

    void refuseDeclaredOversize(RoutingContext routing) {
        String length = routing.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long max = limitOf(routing);
        if (length == null || declared(length) <= max) {
            routing.next();
            return;
        }
        closeAfterResponse(routing);
        errors.refuse(routing, 413, ERROR_NAME, message(max));
    }

    /** Before any filter that could read the body. */
    @ServerRequestFilter(preMatching = true, priority = 40)
    public void limitChunkedBody(ContainerRequestContext request, RoutingContext routing) {
        if (routing.request().getHeader(HttpHeaders.TRANSFER_ENCODING) == null) {
            return;
        }
        // Quarkus' key for its own limit, which VertxInputStream would enforce with an empty 413
        routing.remove(VertxInputStream.MAX_REQUEST_SIZE_KEY);
        LimitedBody body = new LimitedBody(request.getEntityStream(), limitOf(routing));
        request.setEntityStream(body);
        routing.addHeadersEndHandler(ignored -> {
            if (body.exceeded) {
                routing.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            }
        });
        routing.addEndHandler(ignored -> {
            if (body.exceeded) {
                routing.request().connection().close();
            }
        });
    }

    private static String message(long max) {
        return "The request body is larger than " + max + " bytes.";
    }

    private static long declared(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1; // Netty refuses such a request before any route; nothing to add here
        }
    }

    /** Like Quarkus: the rest of the body is not worth reading, the connection is not worth keeping. */
    private static void closeAfterResponse(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        routing.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE)
                .endHandler(ignored -> request.connection().close());
    }

    /** A chunked body, counted as JAX-RS reads it. */
    private final class LimitedBody extends FilterInputStream {
        private final long max;
        private long count;
        private volatile boolean exceeded;

        LimitedBody(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = guarded(() -> super.read());
            return b < 0 ? b : counted(b, 1);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = guarded(() -> super.read(buffer, offset, length));
            return n < 0 ? n : counted(n, n);
        }

        @Override
        public void close() throws IOException {
            if (!exceeded) {
                // closing reads the body to its end: not once it is known to be too large
                super.close();
            }
        }

        private int counted(int result, int bytes) {
            count += bytes;
            if (count > max) {
                exceeded = true;
                throw new ApiException(413, ERROR_NAME, message(max));
            }
            return result;
        }

        private int guarded(Read read) {
            try {
                return read.get();
            } catch (IOException e) {
                Throwable cause = e;
                while (cause.getCause() != null) {
                    cause = cause.getCause();
                }
                // a malformed chunk or a client gone: Vert.x has closed the connection already, so
                // this is only for the log (one line, from the exception mapper)
                throw InvalidInputException.badRequest("The request body could not be read: " + cause.getMessage());
            }
        }
    }

    private interface Read {
        int get() throws IOException;
    }
}
