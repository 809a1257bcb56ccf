package io.windlass.image.catalog;

import io.windlass.api.error.InvalidInputException;
import io.windlass.api.lookup.ZunIdentLookup;
import io.windlass.context.RequestContext;
import io.windlass.image.ImageStatus;
import io.windlass.image.persistence.ImageEntity;
import io.windlass.image.persistence.ImageMemberEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The images Windlass can boot: those its agents report in their heartbeats
 * ({@code compute_hosts.images}), and those it made from workloads or took through Glance's upload
 * ({@code images}: snapshots, backups, commits, uploads). The hosts' part is derived; their ids
 * are name-based uuids of the reference, the same in every api-service replica and across
 * restarts, which lets a server keep pointing at its image by id. A made image is the caller's to
 * see when its project owns it, or it is public, or shared with the caller's project (Glance's image
 * members), or the caller an admin ({@link ImageVisibility}); its reference never shows as a host
 * image of its own, not even once deleted.
 */
@ApplicationScoped
public class ImageCatalog {
    private static final String NAMESPACE = "windlass-image:";
    /** The references of images made under their own id ({@link ImageEntity#referenceOf}). */
    private static final String MADE_PREFIX = "windlass-image/";
    private static final long GIB = 1024L * 1024 * 1024;

    private final EntityManager em;

    public ImageCatalog(EntityManager em) {
        this.em = em;
    }

    /** The catalogue id of an engine reference; an untagged reference means {@code :latest}. */
    public static String idOf(String reference) {
        return UUID.nameUUIDFromBytes((NAMESPACE + normalize(reference)).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** {@code busybox} → {@code busybox:latest}; references with a tag or digest stay as they are. */
    public static String normalize(String reference) {
        int slash = reference.lastIndexOf('/');
        String last = reference.substring(slash + 1);
        return last.contains(":") || last.contains("@") ? reference : reference + ":latest";
    }

    /**
     * Every image the caller sees listed by default: the hosts' ordered by name, then the made ones,
     * oldest first; another project's shared image only once the caller's project accepted it.
     * Hosts may report the same image untagged and tagged ({@code busybox}, {@code busybox:latest});
     * both count as one image.
     */
    public List<CatalogImage> list(RequestContext caller) {
        return list(caller, MemberStatus.LISTED_BY_DEFAULT);
    }

    /**
     * The list as Glance's {@code member_status} asks for it.
     *
     * @param memberships the caller's member statuses for which another project's shared image is listed
     */
    public List<CatalogImage> list(RequestContext caller, Set<MemberStatus> memberships) {
        List<ImageEntity> made = em.createQuery("from ImageEntity i order by i.createdAt, i.id", ImageEntity.class)
                .getResultList();
        Set<String> madeReferences = new HashSet<>();
        made.forEach(i -> madeReferences.add(normalize(i.reference)));
        Map<UUID, MemberStatus> memberOf = memberships(caller);
        List<CatalogImage> images = new ArrayList<>(hostImages(madeReferences));
        made.stream().filter(i -> i.status != ImageStatus.DELETED)
                .filter(i -> ImageVisibility.listed(caller, i.owner, i.visibility, memberOf.get(i.id), memberships))
                .map(ImageCatalog::of).forEach(images::add);
        return images;
    }

    /** The image of that id the caller sees: a shared one whatever the caller's project answered. */
    public Optional<CatalogImage> find(RequestContext caller, String id) {
        // by its key, not from the whole list: every boot, rebuild and image show comes here, and made
        // images (deleted ones included) only ever accumulate
        // ids are shown lowercase: another spelling names no image, as in the list
        Optional<UUID> key = ZunIdentLookup.asUuid(id).filter(uuid -> uuid.toString().equals(id));
        if (key.isEmpty()) {
            return Optional.empty();
        }
        ImageEntity made = em.find(ImageEntity.class, key.get());
        if (made != null) {
            return made.status != ImageStatus.DELETED && visible(caller, made) ? Optional.of(of(made)) : Optional.empty();
        }
        return hostImages(Set.of()).stream().filter(image -> image.id().equals(id)).findFirst()
                .filter(image -> !isMadeReference(image.reference()));
    }

    /** The image a reference names, untagged meaning {@code :latest}, among those the caller may see. */
    public Optional<CatalogImage> findByReference(RequestContext caller, String reference) {
        String normalized = normalize(reference);
        return list(caller, EnumSet.allOf(MemberStatus.class)).stream()
                .filter(image -> image.reference().equals(normalized)).findFirst();
    }

    /**
     * The image Windlass made under that reference, if the caller may see it: one indexed read, for
     * the container create path, which names images by reference.
     */
    public Optional<CatalogImage> findMade(RequestContext caller, String reference) {
        return em.createQuery("from ImageEntity i where i.reference = :ref and i.status <> :deleted", ImageEntity.class)
                .setParameter("ref", normalize(reference)).setParameter("deleted", ImageStatus.DELETED)
                .getResultStream().filter(i -> visible(caller, i)).findFirst().map(ImageCatalog::of);
    }

    /** Nova's ImageNotActive: a snapshot or commit still saving (or one that failed) runs nothing yet. */
    public static void requireActive(CatalogImage image) {
        if (image.status() != ImageStatus.ACTIVE) {
            throw InvalidInputException.badRequest("Image " + image.id() + " is not active.");
        }
    }

    /**
     * Nova's ImageUnacceptable for an upload that is no engine image: hosts run {@code docker save}
     * archives ({@code container_format} docker), which they read from the image store when they
     * lack them; any other format (a VM disk) has nothing here to run it.
     */
    public static void requireRunnable(CatalogImage image) {
        if (image.made() != null && image.made().uploaded() && !"docker".equals(image.made().containerFormat())) {
            throw new InvalidInputException("ImageUnacceptable", "Image " + image.id() + " is unacceptable: its "
                    + "container_format is " + image.made().containerFormat() + "; compute hosts here run only "
                    + "engine image archives (container_format docker).");
        }
    }

    /**
     * Nova's {@code _check_requested_image}: an image's {@code min_ram} and {@code min_disk} against
     * the flavor it is to run with (a flavor of no root disk takes any image, as in Nova).
     */
    public static void requireFits(CatalogImage image, int memoryMb, int rootGb) {
        if (image.made() == null) {
            return;
        }
        if (image.made().minRam() > memoryMb) {
            throw new InvalidInputException("FlavorMemoryTooSmall", "Flavor's memory is too small for requested "
                    + "image.");
        }
        long minDisk = image.made().minDisk() * GIB;
        long flavorDisk = rootGb * GIB;
        if (flavorDisk != 0 && minDisk > flavorDisk) {
            throw new InvalidInputException("FlavorDiskSmallerThanMinDisk", "Flavor's disk is smaller than the "
                    + "minimum size specified in image metadata. Flavor disk is " + flavorDisk + " bytes, minimum "
                    + "size is " + minDisk + " bytes.");
        }
    }

    /**
     * Where a workload of this image must go: the host of an image Windlass made (a snapshot or a
     * commit lives on the host that made it; no registry carries it elsewhere), else anywhere.
     *
     * @param forced the host the caller asked for, or null
     * @return the host to ask the scheduler for, or null for any
     */
    public static String placement(CatalogImage image, String forced) {
        String holder = image == null || image.made() == null ? null : image.made().host();
        if (holder != null && forced != null && !forced.equals(holder)) {
            throw new InvalidInputException("ImageNotOnHost", "Image " + image.id() + " is on host " + holder
                    + " only; it cannot be used on host " + forced + ".");
        }
        return holder != null ? holder : forced;
    }

    /** Whether the hosts hold an image of that reference that Windlass did not make. */
    public boolean isHostImage(String reference) {
        return hostImages(Set.of()).stream().anyMatch(i -> i.reference().equals(normalize(reference)))
                && !isMadeReference(normalize(reference));
    }

    /**
     * Whether Windlass made (or took) an image under that normalised reference, even one since
     * deleted: the hosts' copy of it is that image, not one of their own.
     */
    private boolean isMadeReference(String normalized) {
        // stored as given: busybox:latest may be there as busybox
        String bare = normalized.endsWith(":latest")
                ? normalized.substring(0, normalized.length() - ":latest".length()) : normalized;
        // two parameters, not a list: with a list parameter Hibernate built the query's plan again on
        // every call (2.5 ms of each POST /servers in a wall-clock profile), and every boot from a host
        // image comes here
        return em.createQuery("select count(i) from ImageEntity i where i.reference = :ref or i.reference = :bare",
                        Long.class)
                .setParameter("ref", normalized).setParameter("bare", bare).getSingleResult() > 0;
    }

    private List<CatalogImage> hostImages(Set<String> madeReferences) {
        List<?> rows = em.createNativeQuery("""
                SELECT ref, count(*), min(h.created_at) FROM compute_hosts h, jsonb_array_elements_text(h.images) AS ref
                GROUP BY ref""").getResultList();
        Map<String, CatalogImage> byReference = new TreeMap<>();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            String reference = normalize((String) c[0]);
            if (reference.startsWith(MADE_PREFIX) || madeReferences.contains(reference)) {
                continue;
            }
            int hosts = ((Number) c[1]).intValue();
            Instant seen = instant(c[2]);
            byReference.merge(reference, new CatalogImage(idOf(reference), reference, reference, hosts, seen),
                    (a, b) -> new CatalogImage(a.id(), a.name(), a.reference(), a.hosts() + b.hosts(),
                            a.firstSeen().isBefore(b.firstSeen()) ? a.firstSeen() : b.firstSeen()));
        }
        return new ArrayList<>(byReference.values());
    }

    /**
     * Whether the caller sees the image ({@link ImageVisibility}): shared with its project counts,
     * whatever it answered.
     */
    public boolean visible(RequestContext caller, ImageEntity image) {
        return ImageVisibility.visible(caller, image.owner, image.visibility, membership(caller, image));
    }

    /** The caller's project's status as a member of the image; null when it is none (or needs none). */
    private MemberStatus membership(RequestContext caller, ImageEntity image) {
        String project = caller.projectId();
        if (!"shared".equals(image.visibility) || project == null || image.owner.equals(project)) {
            return null;
        }
        ImageMemberEntity row = em.find(ImageMemberEntity.class, new ImageMemberEntity.Key(image.id, project));
        return row == null ? null : MemberStatus.of(row.status).orElse(null);
    }

    /** What the caller's project is a member of, by image id: one read for a whole list. */
    private Map<UUID, MemberStatus> memberships(RequestContext caller) {
        if (caller.isAdmin() || caller.projectId() == null) {
            return Map.of();
        }
        Map<UUID, MemberStatus> of = new HashMap<>();
        em.createQuery("from ImageMemberEntity m where m.member = :project", ImageMemberEntity.class)
                .setParameter("project", caller.projectId()).getResultStream()
                .forEach(m -> MemberStatus.of(m.status).ifPresent(s -> of.put(m.imageId, s)));
        return of;
    }

    private static CatalogImage of(ImageEntity i) {
        boolean uploaded = ImageEntity.FROM_UPLOAD.equals(i.sourceKind);
        // a workload's image is an engine image (docker, raw); a snapshot's formats stay unset as in Nova
        String container = uploaded ? i.containerFormat
                : "snapshot".equals(i.properties.get("image_type")) ? null : "docker";
        String disk = uploaded ? i.diskFormat : container == null ? null : "raw";
        return new CatalogImage(i.id.toString(), i.name, i.reference, i.status == ImageStatus.ACTIVE ? 1 : 0,
                i.createdAt, new CatalogImage.Made(i.status, i.owner, i.visibility, i.minRam, i.minDisk, i.size,
                Map.copyOf(i.properties), i.updatedAt, i.host, container, disk, i.checksum, i.osHashValue,
                List.copyOf(i.tags), uploaded, i.protectedImage));
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp type " + value.getClass());
        };
    }
}
