package io.windlass.zunimage.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.api.error.ConflictException;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.error.ServiceUnavailableException;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.host.ServiceLivenessConfig;
import io.windlass.host.persistence.ComputeHostRecord;
import io.windlass.host.persistence.ComputeHostRepository;
import io.windlass.image.api.ImageView;
import io.windlass.image.catalog.CatalogImage;
import io.windlass.image.catalog.ImageCatalog;
import io.windlass.rpc.RemoteException;
import io.windlass.rpc.RpcException;
import io.windlass.rpc.RpcVersionCapExceeded;
import io.windlass.zunimage.SearchImages;
import io.windlass.zunimage.policy.ZunImagePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Zun's {@code GET /images/{image}/search} by its two image drivers. {@code docker} (Zun's default)
 * asks a host's engine to search its registry ({@code docker search}, compute {@code image_search})
 * and answers Docker Hub's results as Zun shapes them; with no registry reachable that is the
 * engine's refusal, a 409 in its words. {@code glance} searches Windlass's image catalogue, the
 * Glance facade's images the caller sees, as Zun's glance driver searches Glance: by id, or by name
 * (containing the repository, or equal to it with {@code exact_match}).
 */
@ApplicationScoped
public class ZunImageSearch {
    private static final Logger LOG = Logger.getLogger(ZunImageSearch.class);
    private static final Pattern UUID_LIKE = Pattern.compile(
            "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");

    private final ZunImagePolicy policy;
    private final ImageCatalog catalog;
    private final ComputeHostRepository hosts;
    private final ServiceLivenessConfig liveness;
    private final ComputeRpcApi compute;

    public ZunImageSearch(ZunImagePolicy policy, ImageCatalog catalog, ComputeHostRepository hosts,
                          ServiceLivenessConfig liveness, ComputeRpcApi compute) {
        this.policy = policy;
        this.catalog = catalog;
        this.hosts = hosts;
        this.liveness = liveness;
        this.compute = compute;
    }

    /** @param driver {@code docker} or {@code glance}; null for Zun's default, {@code docker} */
    public List<Map<String, Object>> search(RequestContext caller, String image, String driver, boolean exactMatch) {
        policy.authorize(ZunImagePolicy.SEARCH, caller, caller.projectId());
        return "glance".equals(driver) ? inCatalog(caller, image, exactMatch) : inRegistry(caller, image, exactMatch);
    }

    private List<Map<String, Object>> inCatalog(RequestContext caller, String image, boolean exactMatch) {
        List<CatalogImage> all = QuarkusTransaction.requiringNew().call(() -> catalog.list(caller));
        if (UUID_LIKE.matcher(image).matches()) {
            return all.stream().filter(i -> i.id().equalsIgnoreCase(image)).map(ImageView::of).toList();
        }
        // Zun's glance driver searches by the repository, whatever tag the name carries
        String repository = repository(image);
        return all.stream().filter(i -> exactMatch
                        ? i.name().equals(repository) || i.reference().equals(ImageCatalog.normalize(image))
                        : i.name().contains(repository))
                .map(ImageView::of).toList();
    }

    private List<Map<String, Object>> inRegistry(RequestContext caller, String image, boolean exactMatch) {
        ImageName name = ImageName.parse("image", image);
        if (name.domain() != null && !name.domain().equals("docker.io")) {
            throw InvalidInputException.unsupported("image", "Image searching is not supported in registry: "
                    + name.domain());
        }
        List<String> up = hosts.list().stream().filter(h -> !h.disabled() && h.up(liveness.serviceDownTime()))
                .map(ComputeHostRecord::host).sorted().toList();
        for (String host : up) {
            try {
                return compute.imageSearch(host, caller, new SearchImages(name.path(), exactMatch)).images().stream()
                        .map(ZunImageSearch::zunShape).toList();
            } catch (RpcVersionCapExceeded e) {
                throw new ConflictException("UnsupportedRPCVersion", e.getMessage());
            } catch (RemoteException e) {
                throw new ConflictException(e.type(), e.getMessage());
            } catch (RpcException e) {
                LOG.infof("image search: host %s did not answer (%s); asking the next", host, e.getMessage());
            }
        }
        throw new ServiceUnavailableException("ComputeHostNotUp", "No compute host is up to search images; "
                + "try again later.");
    }

    /** Docker Hub's result as Zun's docker driver answers it: official and stars under {@code metadata}. */
    static Map<String, Object> zunShape(SearchImages.Match match) {
        Map<String, Object> found = new LinkedHashMap<>();
        found.put("name", match.name());
        found.put("description", match.description());
        found.put("is_automated", match.automated());
        found.put("metadata", Map.of("is_official", match.official(), "star_count", match.starCount()));
        return found;
    }

    /** {@code busybox:latest} → {@code busybox}; a colon before the last slash is a registry's port. */
    private static String repository(String image) {
        String reference = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int colon = reference.lastIndexOf(':');
        return colon > reference.lastIndexOf('/') ? reference.substring(0, colon) : reference;
    }
}
