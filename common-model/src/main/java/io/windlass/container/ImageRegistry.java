package io.windlass.container;

import java.util.Optional;

/**
 * Which registry an image reference names, by the engine's rule (Docker's reference grammar, Zun's
 * {@code split_hostname}): the first path component is a registry domain when it has a {@code .} or a
 * {@code :} or is {@code localhost}; {@code busybox} and {@code team/app} name none (the engine's default).
 */
public final class ImageRegistry {
    private ImageRegistry() {
    }

    /** The registry domain {@code image} names, or empty for none. */
    public static Optional<String> domainOf(String image) {
        int slash = image.indexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        String first = image.substring(0, slash);
        return first.contains(".") || first.contains(":") || first.equals("localhost")
                ? Optional.of(first) : Optional.empty();
    }

    /**
     * The reference the engine pulls for a container of Zun's {@code registry}: an image that names no
     * registry is taken from the registry's domain, as Zun's {@code parse_image_name} prefixes it.
     */
    public static String qualified(String image, String domain) {
        return domainOf(image).isPresent() ? image : domain + "/" + image;
    }

    /**
     * Whether a login for {@code domain} may go with the pull of {@code image}: the image is the registry's (it
     * names that domain or none). Zun would also send the login along with an image of another registry; here
     * that is refused, so that a registry's password never reaches another server.
     */
    public static boolean belongsTo(String image, String domain) {
        return domainOf(image).map(d -> d.equalsIgnoreCase(domain)).orElse(true);
    }
}
