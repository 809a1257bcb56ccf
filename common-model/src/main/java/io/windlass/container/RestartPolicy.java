package io.windlass.container;

/**
 * Docker restart policy as Zun stores it.
 *
 * @param name              no, always, on-failure, unless-stopped
 * @param maximumRetryCount retries for on-failure (0 otherwise)
 */
public record RestartPolicy(String name, int maximumRetryCount) {
    public static final RestartPolicy NO = new RestartPolicy("no", 0);
}
