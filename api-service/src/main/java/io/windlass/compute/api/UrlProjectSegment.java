package io.windlass.compute.api;

import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/**
 * The {@code /{project_id}} segment of the current compute request, if it had one: Nova echoes
 * it in the links it returns ("links echo the project segment only if it was in the request URL").
 */
@RequestScoped
public class UrlProjectSegment {
    private String project;

    void set(String project) {
        this.project = project;
    }

    public Optional<String> get() {
        return Optional.ofNullable(project);
    }
}
