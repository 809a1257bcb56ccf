package io.windlass.persistence;

import io.windlass.image.ImageStatus;
import jakarta.persistence.Converter;

/** Glance's status spelling ({@code active}) for {@code images.status}. */
@Converter
public class ImageStatusConverter extends SpelledEnumConverter<ImageStatus> {
    public ImageStatusConverter() {
        super(ImageStatus::value, ImageStatus::fromValue);
    }
}
