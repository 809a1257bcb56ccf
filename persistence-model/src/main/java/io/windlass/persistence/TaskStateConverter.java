package io.windlass.persistence;

import io.windlass.container.TaskState;
import jakarta.persistence.Converter;

/** Zun's task state spelling ({@code container_starting}) for containers and capsules. */
@Converter
public class TaskStateConverter extends SpelledEnumConverter<TaskState> {
    public TaskStateConverter() {
        super(TaskState::value, TaskState::fromValue);
    }
}
