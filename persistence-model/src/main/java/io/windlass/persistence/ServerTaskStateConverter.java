package io.windlass.persistence;

import io.windlass.server.ServerTaskState;
import jakarta.persistence.Converter;

/** Nova's task_state spelling ({@code powering-off}) for {@code servers.task_state}. */
@Converter
public class ServerTaskStateConverter extends SpelledEnumConverter<ServerTaskState> {
    public ServerTaskStateConverter() {
        super(ServerTaskState::value, ServerTaskState::fromValue);
    }
}
