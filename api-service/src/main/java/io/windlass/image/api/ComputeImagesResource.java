package io.windlass.image.api;

import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.error.ApiException;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.compute.api.ComputeApiVersions;
import io.windlass.compute.api.ComputeLinks;
import io.windlass.compute.api.RequestedComputeVersion;
import io.windlass.context.RequestContext;
import io.windlass.image.catalog.CatalogImage;
import io.windlass.image.catalog.ImageCatalog;
import io.windlass.image.service.MadeImages;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Nova's image proxy {@code /v2.1/images} ({@code nova/api/openstack/compute/images.py}), up to
 * 2.35: the catalogue in Nova's image view (status in capitals, {@code minRam}, {@code metadata},
 * the snapshot's {@code server}). Tempest's snapshot tests wait on it. From 2.36 on it is a 404, as
 * in Nova; the image API ({@code /image/v2}) serves the same images.
 */
@Path("/compute/v2.1/images")
@Produces(MediaType.APPLICATION_JSON)
public class ComputeImagesResource {
    private static final DateTimeFormatter NOVA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String NOT_FOUND = "Image not found.";

    private final ImageCatalog catalog;
    private final MadeImages made;
    private final CurrentRequestContext context;
    private final RequestedComputeVersion version;
    private final ComputeLinks links;

    public ComputeImagesResource(ImageCatalog catalog, MadeImages made, CurrentRequestContext context,
                                 RequestedComputeVersion version, ComputeLinks links) {
        this.catalog = catalog;
        this.made = made;
        this.context = context;
        this.version = version;
        this.links = links;
    }

    @GET
    public Map<String, Object> index(@Context UriInfo uri) {
        return Map.of("images", list(uri).stream().map(this::basic).toList());
    }

    @GET
    @Path("/detail")
    public Map<String, Object> detail(@Context UriInfo uri) {
        return Map.of("images", list(uri).stream().map(this::show).toList());
    }

    @GET
    @Path("/{id}")
    public Map<String, Object> show(@PathParam("id") String id) {
        return Map.of("image", show(find(id)));
    }

    /** {@code DELETE /images/} (a blank id) is no route in Nova: 404, not the 405 of a collection. */
    @DELETE
    public Response deleteNothing() {
        caller();
        throw new ResourceNotFoundException("NotFound", "The resource could not be found.");
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        CatalogImage image = find(id);
        if (image.made() == null) {
            throw new ApiException(403, "ImageNotAuthorized", "You are not allowed to delete the image.");
        }
        try {
            made.delete(context.get(), id);
        } catch (ResourceNotFoundException e) {
            throw new ResourceNotFoundException("ImageNotFound", NOT_FOUND);
        } catch (ApiException e) {
            throw new ApiException(403, "ImageNotAuthorized", "You are not allowed to delete the image.");
        }
        return Response.noContent().build();
    }

    private CatalogImage find(String id) {
        return catalog.find(caller(), id).orElseThrow(() -> new ResourceNotFoundException("ImageNotFound", NOT_FOUND));
    }

    /**
     * Nova's filters ({@code SUPPORTED_FILTERS}) name, status, server, type, minRam and minDisk (at
     * least), changes-since (updated at or after); then marker and limit. A filter Nova would pass
     * on that is no number or time matches nothing.
     */
    private List<CatalogImage> list(UriInfo uri) {
        var query = uri.getQueryParameters();
        Predicate<CatalogImage> matches = i -> true;
        String name = query.getFirst("name");
        if (name != null) {
            matches = matches.and(i -> name.equals(i.name()));
        }
        String status = query.getFirst("status");
        if (status != null) {
            matches = matches.and(i -> status(i).equalsIgnoreCase(status) || i.status().value().equalsIgnoreCase(status));
        }
        String server = query.getFirst("server");
        if (server != null) {
            String uuid = server.substring(server.lastIndexOf('/') + 1);
            matches = matches.and(i -> i.made() != null && uuid.equals(i.made().properties().get("instance_uuid")));
        }
        String type = query.getFirst("type");
        if (type != null) {
            matches = matches.and(i -> i.made() != null && type.equals(i.made().properties().get("image_type")));
        }
        String minRam = query.getFirst("minRam");
        if (minRam != null) {
            matches = matches.and(i -> minRam.matches("\\d{1,9}")
                    && (i.made() == null ? 0 : i.made().minRam()) >= Integer.parseInt(minRam));
        }
        String minDisk = query.getFirst("minDisk");
        if (minDisk != null) {
            matches = matches.and(i -> minDisk.matches("\\d{1,9}")
                    && (i.made() == null ? 0 : i.made().minDisk()) >= Integer.parseInt(minDisk));
        }
        Instant changedSince = changesSince(query.getFirst("changes-since"));
        if (changedSince != null) {
            matches = matches.and(i -> i.made() != null && !i.made().updatedAt().isBefore(changedSince));
        }
        List<CatalogImage> all = new ArrayList<>(catalog.list(caller()).stream().filter(matches).toList());
        String marker = query.getFirst("marker");
        if (marker != null) {
            int at = all.stream().map(CatalogImage::id).toList().indexOf(marker);
            all = at < 0 ? List.of() : all.subList(at + 1, all.size());
        }
        String limit = query.getFirst("limit");
        if (limit != null && limit.matches("\\d+")) {
            all = all.subList(0, Math.min(all.size(), Integer.parseInt(limit)));
        }
        return all;
    }

    /** Nova takes an ISO 8601 time; one it cannot read is Nova's 400. */
    private static Instant changesSince(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.endsWith("Z") || value.matches(".*[+-]\\d\\d:?\\d\\d$") ? value
                    : value + "Z").toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInputException.badRequest("Invalid filter field: changes-since.");
        }
    }

    private RequestContext caller() {
        if (version.get().isAtLeast(ComputeApiVersions.IMAGE_PROXY_REMOVED)) {
            throw new ResourceNotFoundException("NotFound", "The resource could not be found.");
        }
        return context.get();
    }

    private Map<String, Object> basic(CatalogImage image) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", image.id());
        view.put("name", image.name());
        view.put("links", links(image.id()));
        return view;
    }

    private Map<String, Object> show(CatalogImage image) {
        CatalogImage.Made m = image.made();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", image.id());
        view.put("name", image.name());
        view.put("minRam", m == null ? 0 : m.minRam());
        view.put("minDisk", m == null ? 0 : m.minDisk());
        view.put("metadata", m == null ? Map.of() : m.properties());
        view.put("created", time(image.firstSeen()));
        view.put("updated", time(m == null ? image.firstSeen() : m.updatedAt()));
        view.put("status", status(image));
        view.put("progress", switch (image.status()) {
            case QUEUED -> 25;
            case SAVING -> 50;
            case ACTIVE -> 100;
            default -> 0;
        });
        view.put("OS-EXT-IMG-SIZE:size", m == null ? null : m.size());
        view.put("links", links(image.id()));
        String server = m == null ? null : m.properties().get("instance_uuid");
        if (server != null) {
            view.put("server", Map.of("id", server, "links", links.links("servers", server)));
        }
        return view;
    }

    /** Nova's {@code _get_status}: a status its map lacks (Glance's {@code deactivated}) is UNKNOWN. */
    private static String status(CatalogImage image) {
        return switch (image.status()) {
            case ACTIVE -> "ACTIVE";
            case QUEUED, SAVING -> "SAVING";
            case KILLED -> "ERROR";
            case DELETED -> "DELETED";
            case DEACTIVATED -> "UNKNOWN";
        };
    }

    private List<Map<String, String>> links(String id) {
        List<Map<String, String>> list = new ArrayList<>(links.links("images", id));
        list.add(Map.of("rel", "alternate", "type", "application/vnd.openstack.image", "href", links.image(id)));
        return list;
    }

    private static String time(Instant instant) {
        return NOVA_TIME.format(instant == null ? Instant.EPOCH : instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
