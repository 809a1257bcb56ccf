package io.windlass.container.api;

import io.windlass.api.error.InvalidInputException;
import io.windlass.api.microversion.ApiVersion;
import io.windlass.api.microversion.ContainerApiVersions;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * An archive's bytes as Zun's {@code data} carries them: base64 from 1.25 (Zun's encode_file_data
 * and decode_file_data); before, the bytes themselves as a string. Zun's driver joins the engine's
 * chunks as latin-1, and so are they read and written here: one character a byte, every byte
 * value a character, so any archive goes and comes back whole.
 */
final class ZunArchiveData {
    private static final Pattern NOT_BASE64 = Pattern.compile("[^A-Za-z0-9+/=]");

    private ZunArchiveData() {
    }

    static String encode(byte[] archive, ApiVersion version) {
        return version.isAtLeast(ContainerApiVersions.ARCHIVE_BASE64) ? Base64.getEncoder().encodeToString(archive)
                : new String(archive, StandardCharsets.ISO_8859_1);
    }

    /**
     * Python's b64decode leaves out what is not of the alphabet (a wrapped encoding's line breaks)
     * but wants whole groups of four; what is then still no base64 is Zun's Base64Exception.
     */
    static byte[] decode(String data, ApiVersion version) {
        if (version.isAtLeast(ContainerApiVersions.ARCHIVE_BASE64)) {
            String alphabet = NOT_BASE64.matcher(data).replaceAll("");
            try {
                if (alphabet.length() % 4 != 0) {
                    throw new IllegalArgumentException("Incorrect padding");
                }
                return Base64.getDecoder().decode(alphabet);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("Base64Exception", "Invalid Base 64 file data");
            }
        }
        for (int i = 0; i < data.length(); i++) {
            if (data.charAt(i) > 0xFF) {
                throw InvalidInputException.field("data", abbreviated(data), "Before 1.25 the archive is its bytes as"
                        + " text, one character (up to U+00FF) a byte; from 1.25 it is base64.");
            }
        }
        return data.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String abbreviated(String data) {
        return data.length() <= 40 ? data : data.substring(0, 40) + "...";
    }
}
