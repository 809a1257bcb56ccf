package io.windlass.zunimage.service;

import io.windlass.api.error.InvalidInputException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Zun's {@code parse_image_name} for the docker driver: a reference in the engine's grammar
 * (distribution/reference) split into its repository and tag, {@code latest} when it names none.
 *
 * @param repo   the repository, with its registry when it names one ({@code registry:5000/team/app})
 * @param tag    the tag
 * @param domain the registry the repository names, or null (Docker Hub)
 */
public record ImageName(String repo, String tag, String domain) {
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN = DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*(?::[0-9]+)?";
    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final Pattern REFERENCE = Pattern.compile("((?:(" + DOMAIN + ")/)?" + COMPONENT + "(?:/" + COMPONENT
            + ")*)(?::([\\w][\\w.-]{0,127}))?(@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?");
    /** The references Windlass gives the images it makes (snapshots, backups): the catalogue's, not Zun's. */
    private static final String RESERVED = "windlass-image/";

    /**
     * @param field names the request's field in the 400 ({@code repo})
     * @throws InvalidInputException when the engine would not read it, or it names a digest or a reserved repository
     */
    public static ImageName parse(String field, String reference) {
        Matcher m = REFERENCE.matcher(reference);
        if (!m.matches() || m.group(1).length() > 255) {
            throw InvalidInputException.field(field, reference, "invalid reference format");
        }
        // a first component is a registry only when it looks like a host (Docker's rule): a dot, a port or localhost
        String first = m.group(2);
        String domain = first != null && (first.contains(".") || first.contains(":") || first.equals("localhost"))
                ? first : null;
        if (first != null && domain == null && !first.equals(first.toLowerCase(Locale.ROOT))) {
            throw InvalidInputException.field(field, reference, "invalid reference format: repository name must be "
                    + "lowercase");
        }
        if (m.group(4) != null) {
            throw InvalidInputException.unsupported(field, "an image is pulled by its tag, not by digest.");
        }
        if (m.group(1).startsWith(RESERVED)) {
            throw InvalidInputException.field(field, reference, "The repository windlass-image is reserved for "
                    + "images made from servers.");
        }
        return new ImageName(m.group(1), m.group(3) == null ? "latest" : m.group(3), domain);
    }

    /** The repository without its registry: what a registry's search knows it by. */
    public String path() {
        return domain == null ? repo : repo.substring(domain.length() + 1);
    }
}
