package io.windlass.api.validation;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.io.InputDecorator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.windlass.api.error.InvalidInputException;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Refuses a NUL character anywhere in a request, before any of it reaches the database:
 * PostgreSQL cannot store one in text, and would answer every such request with an error of
 * its own (a 500 with the statement in the log), the unauthenticated token request included.
 * Paths and query strings are checked as they come in; JSON bodies as Jackson reads them, so
 * every body is covered whatever type its resource reads it as, without a second parse.
 */
@Singleton
public class NulCharacters implements ObjectMapperCustomizer {
    private static final String ENCODED = "%00";

    /** After the identity prefix is routed ({@code IdentityPrefixFilter}), before authentication. */
    @ServerRequestFilter(preMatching = true, priority = 60)
    public void refuseInUri(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (path != null && path.toLowerCase().contains(ENCODED)) {
            throw InvalidInputException.badRequest("The request path contains a NUL character (%00).");
        }
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.toLowerCase().contains(ENCODED)) {
                String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8).replace("\0", "\\x00");
                throw InvalidInputException.badRequest("The query parameter '" + name
                        + "' contains a NUL character (%00).");
            }
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setInputDecorator(new InputDecorator() {
            @Override
            public InputStream decorate(IOContext context, InputStream in) {
                return new EscapeWatch(in);
            }

            @Override
            public InputStream decorate(IOContext context, byte[] src, int offset, int length) {
                return new EscapeWatch(new ByteArrayInputStream(src, offset, length));
            }

            @Override
            public Reader decorate(IOContext context, Reader reader) {
                // text bodies reach Jackson as bytes; a Reader is only what the service parses itself
                return reader;
            }
        });
    }

    /**
     * Watches the bytes of a JSON text for the escape {@code \u0000}: a {@code u0000} after an
     * odd run of backslashes. A raw NUL byte is already a parse error in JSON; zero bytes are
     * skipped, so the escape is found in UTF-16 and UTF-32 texts too.
     */
    static final class EscapeWatch extends FilterInputStream {
        private static final byte[] ESCAPE = "u0000".getBytes(StandardCharsets.US_ASCII);

        private int backslashes;
        private int matched;

        EscapeWatch(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                watch((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = 0; i < n; i++) {
                watch(buffer[offset + i]);
            }
            return n;
        }

        private void watch(byte b) throws JsonParseException {
            if (b == 0) {
                return;
            }
            if (matched > 0) {
                matched = b == ESCAPE[matched] ? matched + 1 : 0;
                if (matched == ESCAPE.length) {
                    throw new JsonParseException(null, "a string or name contains the NUL character (\\u0000),"
                            + " which is not allowed");
                }
                return;
            }
            if (b == 'u' && backslashes % 2 == 1) {
                matched = 1;
            }
            backslashes = b == '\\' ? backslashes + 1 : 0;
        }
    }
}
