package io.windlass.persistence;

import io.windlass.zunimage.ZunImageStatus;
import jakarta.persistence.Converter;

/** {@code zun_images.status} in the API's spelling ({@code Pulled}). */
@Converter
public class ZunImageStatusConverter extends SpelledEnumConverter<ZunImageStatus> {
    public ZunImageStatusConverter() {
        super(ZunImageStatus::value, ZunImageStatus::fromValue);
    }
}
