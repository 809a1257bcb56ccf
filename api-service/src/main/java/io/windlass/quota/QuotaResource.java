package io.windlass.quota;

/** The resources quotas limit, with their names in the database and in error messages (Zun's). */
public enum QuotaResource {
    CONTAINERS("containers"),
    CPU("cpu"),
    MEMORY("memory");

    private final String key;

    QuotaResource(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
