package io.windlass.networking;

import io.windlass.context.RequestContext;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.windlass.networking.NeutronAccess.Outcome.ALLOW;
import static io.windlass.networking.NeutronAccess.Outcome.FORBIDDEN;
import static io.windlass.networking.NeutronAccess.Outcome.NOT_FOUND;
import static org.junit.jupiter.api.Assertions.assertEquals;

class NeutronAccessTest {
    private static final RequestContext ADMIN = caller("p0", "admin", "member", "reader");
    private static final RequestContext MEMBER = caller("p1", "member", "reader");
    private static final RequestContext READER = caller("p1", "reader");
    private static final RequestContext OTHER = caller("p2", "member", "reader");

    private static RequestContext caller(String project, String... roles) {
        return new RequestContext("r", "r", "u", project, List.of(roles));
    }

    @Test
    void readsAndWrites() {
        assertEquals(ALLOW, NeutronAccess.read(READER, "p1", false));
        assertEquals(NOT_FOUND, NeutronAccess.read(OTHER, "p1", false));
        assertEquals(ALLOW, NeutronAccess.read(OTHER, "p1", true));
        assertEquals(ALLOW, NeutronAccess.read(ADMIN, "p1", false));
        assertEquals(ALLOW, NeutronAccess.write(MEMBER, "p1", false));
        assertEquals(FORBIDDEN, NeutronAccess.write(READER, "p1", false));
        assertEquals(NOT_FOUND, NeutronAccess.write(OTHER, "p1", false));
        assertEquals(FORBIDDEN, NeutronAccess.write(OTHER, "p1", true));
        assertEquals(ALLOW, NeutronAccess.write(ADMIN, "p1", false));
    }

    @Test
    void creates() {
        assertEquals(ALLOW, NeutronAccess.create(MEMBER, "p1"));
        assertEquals(FORBIDDEN, NeutronAccess.create(MEMBER, "p2"));
        assertEquals(FORBIDDEN, NeutronAccess.create(READER, "p1"));
        assertEquals(ALLOW, NeutronAccess.create(ADMIN, "p2"));
    }

    @Test
    void queries() {
        NeutronQuery query = NeutronQuery.parse(java.util.Map.of("fields", List.of("id", "name,status"), "limit",
                List.of("0"), "name", List.of("a", "b"), "sort_key", List.of("name")));
        assertEquals(List.of("id", "name", "status"), query.fields());
        assertEquals(null, query.limit());
        assertEquals(java.util.Map.of("name", List.of("a", "b")), query.filters());
        assertEquals(List.of("true", "false"), NeutronQuery.booleans("shared", List.of("True", "0")));
    }
}
