package io.windlass.container.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Queries on {@code containers}. */
@ApplicationScoped
public class ContainerRepository implements PanacheRepository<ContainerEntity> {

    /** Attributes a list may sort or filter on; query text is built only from these. */
    public static final Set<String> QUERYABLE = Set.of("id", "uuid", "name", "image", "status", "createdAt",
            "updatedAt", "memory", "cpu", "host", "projectId", "userId", "taskState", "autoRemove");

    public Optional<ContainerEntity> findByUuid(UUID uuid) {
        return find("uuid", uuid).firstResultOptional();
    }

    /** The row, locked until the transaction ends, so that state checks and writes cannot interleave. */
    public Optional<ContainerEntity> lockByUuid(UUID uuid) {
        return find("uuid", uuid).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Rows named {@code name}, in {@code projectId} (or anywhere when it is null). */
    public List<ContainerEntity> findByName(String name, String projectId) {
        if (projectId == null) {
            return list("name", name);
        }
        return list("name = ?1 and projectId = ?2", name, projectId);
    }

    /**
     * One page, keyset-paginated after the marker row: rows that sort after it on
     * (sort attribute, id). NULLs sort as PostgreSQL does: last ascending, first descending.
     */
    public List<ContainerEntity> page(ContainerPage page) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (page.projectId() != null) {
            conditions.add("c.projectId = :projectId");
            params.put("projectId", page.projectId());
        }
        int i = 0;
        for (Map.Entry<String, Object> filter : page.filters().entrySet()) {
            String param = "f" + i++;
            conditions.add("c." + attribute(filter.getKey()) + " = :" + param);
            params.put(param, filter.getValue());
        }
        String sortAttribute = attribute(page.sortColumn());
        String attr = "c." + sortAttribute;
        String dir = page.ascending() ? "asc" : "desc";
        if (page.marker() != null) {
            conditions.add(afterMarker(attr, sortAttribute, page, params));
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        String order = attr.equals("c.id") ? " order by c.id " + dir : " order by " + attr + " " + dir + ", c.id " + dir;
        TypedQuery<ContainerEntity> query = getEntityManager()
                .createQuery("select c from ContainerEntity c" + where + order, ContainerEntity.class);
        params.forEach(query::setParameter);
        return query.setMaxResults(page.limit()).getResultList();
    }

    private static String afterMarker(String attr, String sortAttribute, ContainerPage page,
                                      Map<String, Object> params) {
        String cmp = page.ascending() ? ">" : "<";
        params.put("markerId", page.marker().id);
        if (attr.equals("c.id")) {
            return "c.id " + cmp + " :markerId";
        }
        Object value = attributeOf(page.marker(), sortAttribute);
        if (value == null) {
            return page.ascending()
                    ? "(" + attr + " is null and c.id > :markerId)"
                    : "((" + attr + " is null and c.id < :markerId) or " + attr + " is not null)";
        }
        params.put("markerValue", value);
        String after = attr + " " + cmp + " :markerValue or (" + attr + " = :markerValue and c.id " + cmp
                + " :markerId)";
        return page.ascending() ? "(" + after + " or " + attr + " is null)" : "(" + after + ")";
    }

    private static Object attributeOf(ContainerEntity c, String attribute) {
        return switch (attribute) {
            case "uuid" -> c.uuid;
            case "name" -> c.name;
            case "image" -> c.image;
            case "status" -> c.status;
            case "createdAt" -> c.createdAt;
            case "updatedAt" -> c.updatedAt;
            case "memory" -> c.memory;
            case "cpu" -> c.cpu;
            case "host" -> c.host;
            case "projectId" -> c.projectId;
            case "userId" -> c.userId;
            case "taskState" -> c.taskState;
            case "autoRemove" -> c.autoRemove;
            default -> throw new IllegalArgumentException("not sortable: " + attribute);
        };
    }

    /** Zun's column name ({@code created_at}) as the entity attribute ({@code createdAt}). */
    private static String attribute(String column) {
        String attribute = Pattern.compile("_([a-z])").matcher(column).replaceAll(m -> m.group(1).toUpperCase());
        if (!QUERYABLE.contains(attribute)) {
            throw new IllegalArgumentException("not a queryable attribute: " + attribute);
        }
        return attribute;
    }
}
