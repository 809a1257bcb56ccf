package io.windlass.persistence;

import jakarta.persistence.AttributeConverter;

import java.util.function.Function;

/**
 * Stores an enum in the spelling its API shows ({@code Running}, {@code container_starting},
 * {@code active}), so that SQL written by hand, the API and the column agree on one vocabulary.
 */
abstract class SpelledEnumConverter<E extends Enum<E>> implements AttributeConverter<E, String> {
    private final Function<E, String> spelling;
    private final Function<String, E> parse;

    SpelledEnumConverter(Function<E, String> spelling, Function<String, E> parse) {
        this.spelling = spelling;
        this.parse = parse;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : spelling.apply(value);
    }

    @Override
    public E convertToEntityAttribute(String column) {
        return column == null ? null : parse.apply(column);
    }
}
