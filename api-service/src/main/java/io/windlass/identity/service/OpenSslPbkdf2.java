package io.windlass.identity.service;

import org.jboss.logging.Logger;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * OpenSSL's {@code PKCS5_PBKDF2_HMAC} with {@code EVP_sha256()}, called through the JDK's foreign
 * function API. The library is looked up once and stays loaded for the life of the process.
 *
 * @param pbkdf2 the downcall handle of {@code PKCS5_PBKDF2_HMAC}
 * @param sha256 what {@code EVP_sha256()} returned: OpenSSL's own, never freed
 */
record OpenSslPbkdf2(MethodHandle pbkdf2, MemorySegment sha256) {
    private static final Logger LOG = Logger.getLogger(OpenSslPbkdf2.class);
    private static final String LIBRARY = "libcrypto.so.3";

    /** Empty when the library or its functions cannot be had (logged, with the reason, at debug). */
    static Optional<OpenSslPbkdf2> load() {
        try {
            Linker linker = Linker.nativeLinker();
            SymbolLookup crypto = SymbolLookup.libraryLookup(LIBRARY, Arena.global());
            // const EVP_MD *EVP_sha256(void)
            MethodHandle evpSha256 = linker.downcallHandle(crypto.find("EVP_sha256").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.ADDRESS));
            // int PKCS5_PBKDF2_HMAC(const char *pass, int passlen, const unsigned char *salt, int saltlen,
            //                       int iter, const EVP_MD *digest, int keylen, unsigned char *out)
            MethodHandle pbkdf2 = linker.downcallHandle(crypto.find("PKCS5_PBKDF2_HMAC").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT,
                            ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                            ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
            MemorySegment sha256 = (MemorySegment) evpSha256.invokeExact();
            if (sha256.equals(MemorySegment.NULL)) {
                LOG.debugf("%s has no SHA-256 digest", LIBRARY);
                return Optional.empty();
            }
            return Optional.of(new OpenSslPbkdf2(pbkdf2, sha256));
        } catch (Throwable e) {
            // no such library, an older one without the symbols, or native access refused
            LOG.debugf(e, "%s is not usable", LIBRARY);
            return Optional.empty();
        }
    }

    byte[] derive(byte[] password, byte[] salt, int iterations, int keyBytes) {
        try (Arena arena = Arena.ofConfined()) {
            // at least one byte each: an empty array has no address for OpenSSL to read from
            MemorySegment pass = arena.allocate(Math.max(1, password.length));
            MemorySegment.copy(password, 0, pass, ValueLayout.JAVA_BYTE, 0, password.length);
            MemorySegment saltSegment = arena.allocate(Math.max(1, salt.length));
            MemorySegment.copy(salt, 0, saltSegment, ValueLayout.JAVA_BYTE, 0, salt.length);
            MemorySegment out = arena.allocate(keyBytes);
            int ok;
            try {
                ok = (int) pbkdf2.invokeExact(pass, password.length, saltSegment, salt.length, iterations, sha256,
                        keyBytes, out);
            } finally {
                pass.fill((byte) 0);
            }
            if (ok != 1) {
                throw new IllegalStateException("OpenSSL's PKCS5_PBKDF2_HMAC failed");
            }
            return out.toArray(ValueLayout.JAVA_BYTE);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("OpenSSL's PKCS5_PBKDF2_HMAC could not be called", e);
        }
    }
}
