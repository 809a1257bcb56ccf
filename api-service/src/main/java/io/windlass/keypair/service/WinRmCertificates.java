package io.windlass.keypair.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An {@code x509} key pair made for a caller who sent no certificate (before 2.92), as Nova's
 * {@code crypto.generate_winrm_x509_cert} makes it, with openssl: a self-signed client certificate
 * for {@code CN=<user>} (the public half, PEM) and the key with it as a PKCS#12 bundle without a
 * password, base64 (the private half, shown once). The JDK has no public API to sign a
 * certificate, and openssl is what Nova runs too.
 */
@ApplicationScoped
public class WinRmCertificates {
    private static final long TIMEOUT_SECONDS = 30;

    /**
     * @throws IllegalStateException when openssl is missing or fails (the deployment's fault, not the caller's)
     */
    public GeneratedKeyPair generate(String userId) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("windlass-x509-");
            Path key = dir.resolve("temp.key");
            Path conf = dir.resolve("temp.conf");
            Files.writeString(conf, "distinguished_name  = req_distinguished_name\n[req_distinguished_name]\n"
                    + "[v3_req_client]\nextendedKeyUsage = clientAuth\n"
                    + "subjectAltName = otherName:1.3.6.1.4.1.311.20.2.3;UTF8:" + userId + "@localhost\n");
            byte[] certificate = openssl(null, "req", "-x509", "-nodes", "-days", "3650", "-config", conf.toString(),
                    "-newkey", "rsa:2048", "-outform", "PEM", "-keyout", key.toString(), "-subj", "/CN=" + userId,
                    "-extensions", "v3_req_client");
            byte[] bundle = openssl(certificate, "pkcs12", "-export", "-inkey", key.toString(), "-password", "pass:");
            return new GeneratedKeyPair(Base64.getEncoder().encodeToString(bundle),
                    new String(certificate, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make an x509 key pair", e);
        } finally {
            remove(dir);
        }
    }

    private static byte[] openssl(byte[] input, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (var stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input);
            }
        }
        byte[] output = process.getInputStream().readAllBytes();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("openssl " + args[0] + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while openssl ran", e);
        }
        return output;
    }

    private static void remove(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind holds nothing anyone else can read (0700)
        }
    }
}
