package io.windlass.zunimage.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.windlass.container.api.Link;
import io.windlass.zunimage.persistence.ZunImageEntity;

import java.util.List;

/**
 * Zun's image ({@code images_view.format_image}, the same at every microversion): its keys, with
 * {@code size} as Zun's string column holds it. Zun's image has no status; {@code status}
 * ({@code Pulling}, {@code Pulled}, {@code Error}) and {@code status_reason} say how the pull went,
 * which Zun leaves to be guessed from an {@code image_id} that never comes.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ZunImageView(@JsonProperty("uuid") String uuid,
                           @JsonProperty("links") List<Link> links,
                           @JsonProperty("image_id") String imageId,
                           @JsonProperty("repo") String repo,
                           @JsonProperty("tag") String tag,
                           @JsonProperty("size") String size,
                           @JsonProperty("project_id") String projectId,
                           @JsonProperty("host") String host,
                           @JsonProperty("status") String status,
                           @JsonProperty("status_reason") String statusReason) {

    /** @param root the public URL of the API port ({@code http://host:8774}) */
    public static ZunImageView of(ZunImageEntity image, String root) {
        String uuid = image.uuid.toString();
        return new ZunImageView(uuid, List.of(new Link(selfUrl(root, image), "self"),
                new Link(root + "/container/images/" + uuid, "bookmark")), image.imageId, image.repo, image.tag,
                image.size == null ? null : image.size.toString(), image.projectId, image.host, image.status.value(),
                image.statusReason);
    }

    public static String selfUrl(String root, ZunImageEntity image) {
        return root + "/container/v1/images/" + image.uuid;
    }
}
