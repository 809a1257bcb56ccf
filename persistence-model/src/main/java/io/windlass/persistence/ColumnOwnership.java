package io.windlass.persistence;

import jakarta.persistence.Id;
import jakarta.persistence.Transient;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@link WrittenBy} contract of one mapped class, read once from its fields (and its mapped
 * superclasses'): which properties each {@link Writer} may change. Pure: the guard feeds it the
 * state Hibernate is about to write.
 */
public final class ColumnOwnership {
    private final String table;
    private final Map<String, Set<Writer>> writers;

    private ColumnOwnership(String table, Map<String, Set<Writer>> writers) {
        this.table = table;
        this.writers = writers;
    }

    /** @throws IllegalStateException when a persistent field states no owner */
    public static ColumnOwnership of(Class<?> entity) {
        Map<String, Set<Writer>> writers = new HashMap<>();
        List<String> unstated = new ArrayList<>();
        for (Class<?> c = entity; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!isPersistent(field)) {
                    continue;
                }
                WrittenBy owners = field.getAnnotation(WrittenBy.class);
                if (owners == null) {
                    unstated.add(field.getName());
                    continue;
                }
                Set<Writer> set = EnumSet.noneOf(Writer.class);
                set.addAll(List.of(owners.value()));
                writers.put(field.getName(), set);
            }
        }
        if (!unstated.isEmpty()) {
            throw new IllegalStateException(entity.getSimpleName() + " maps fields without @WrittenBy: " + unstated);
        }
        jakarta.persistence.Table table = entity.getAnnotation(jakarta.persistence.Table.class);
        return new ColumnOwnership(table == null ? entity.getSimpleName() : table.name(), Map.copyOf(writers));
    }

    /**
     * JPA field access: every instance field is a column unless transient. Quarkus' enhancement
     * makes the public fields private and adds {@code $$_hibernate_} fields of its own; the id is
     * generated, never updated.
     */
    private static boolean isPersistent(Field field) {
        int mods = field.getModifiers();
        return !Modifier.isStatic(mods) && !Modifier.isTransient(mods) && !field.isAnnotationPresent(Transient.class)
                && !field.isAnnotationPresent(Id.class) && !field.getName().startsWith("$$_");
    }

    /** The properties {@code writer} changed but may not (empty when the update keeps the contract). */
    public List<String> violations(Writer writer, String[] properties, Object[] current, Object[] previous) {
        List<String> broken = new ArrayList<>();
        for (int i = 0; i < properties.length; i++) {
            Set<Writer> allowed = writers.get(properties[i]);
            if (allowed == null || allowed.contains(writer)) {
                continue;
            }
            if (previous == null || !Objects.equals(current[i], previous[i])) {
                broken.add(table + "." + properties[i]);
            }
        }
        return broken;
    }

    /** The writers allowed to change {@code property}, for tests and documentation. */
    public Set<Writer> writersOf(String property) {
        return writers.getOrDefault(property, Set.of());
    }
}
