package io.windlass.rpc;

import io.windlass.compute.ComputeRpcApi;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.scheduler.SchedulerRpcApi;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RpcMethodTest {
    private static final RpcVersion V1_0 = new RpcVersion(1, 0);
    private static final RpcVersion V1_1 = new RpcVersion(1, 1);
    private static final RpcVersion V1_2 = new RpcVersion(1, 2);
    private static final RpcVersion V1_3 = new RpcVersion(1, 3);

    @Test
    void aMethodGoesOutAtItsOwnVersionUnlessACapHoldsItBack() {
        RpcMethod<String> old = RpcMethod.of("create_container", String.class, V1_0);
        assertEquals(V1_0, old.versionUnder("compute.h", null));
        assertEquals(V1_0, old.versionUnder("compute.h", V1_2), "not raised to the cap");

        RpcMethod<String> grown = RpcMethod.of("select_destinations", String.class, V1_0).changedIn(V1_1);
        assertEquals(V1_1, grown.versionUnder("scheduler", null));
        assertEquals(V1_0, grown.versionUnder("scheduler", V1_0), "its older shape: a 1.0 server ignores the new fields");

        RpcMethod<String> added = RpcMethod.of("spawn_server", String.class, V1_3);
        RpcVersionCapExceeded refused = assertThrows(RpcVersionCapExceeded.class,
                () -> added.versionUnder("compute.node-1", V1_2));
        assertEquals("spawn_server needs compute RPC 1.3 but compute.node-1 is capped at 1.2 while older compute "
                + "services run (windlass.rpc.version-cap.compute)", refused.getMessage());
        assertThrows(RpcVersionCapExceeded.class, () -> old.versionUnder("compute.h", new RpcVersion(2, 0)),
                "another major version");
    }

    @Test
    void eachApisVersionIsItsNewestMethodAndEveryNameIsDeclaredOnce() throws Exception {
        for (Class<?> api : List.of(ConductorRpcApi.class, ComputeRpcApi.class, SchedulerRpcApi.class)) {
            RpcVersion declared = (RpcVersion) api.getField("VERSION").get(null);
            List<RpcMethod<?>> methods = methodsOf(api);
            RpcVersion newest = methods.stream().map(RpcMethod::current).max(RpcVersion::compareTo).orElseThrow();
            assertEquals(declared, newest, api.getSimpleName() + ".VERSION");
            Set<String> names = new HashSet<>();
            methods.forEach(m -> assertTrue(names.add(m.name()), api.getSimpleName() + " declares " + m.name() + " twice"));
        }
    }

    private static List<RpcMethod<?>> methodsOf(Class<?> api) throws IllegalAccessException {
        List<RpcMethod<?>> methods = new ArrayList<>();
        for (Field field : api.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == RpcMethod.class) {
                methods.add((RpcMethod<?>) field.get(null));
            }
        }
        return methods;
    }
}
