package io.windlass.container;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores task states in Zun's spelling ({@code container_starting}). */
@Converter
public class TaskStateConverter implements AttributeConverter<TaskState, String> {
    @Override
    public String convertToDatabaseColumn(TaskState state) {
        return state == null ? null : state.value();
    }

    @Override
    public TaskState convertToEntityAttribute(String value) {
        return value == null ? null : TaskState.fromValue(value);
    }
}
