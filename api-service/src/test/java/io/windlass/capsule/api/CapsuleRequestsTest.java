package io.windlass.capsule.api;

import io.windlass.api.error.InvalidInputException;
import io.windlass.api.microversion.ApiVersion;
import io.windlass.api.validation.TestValidators;
import io.windlass.capsule.service.NewCapsule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.windlass.api.validation.Json.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code schemas/container/capsules/create.json} and what {@link CapsuleRequests} reads from it. */
class CapsuleRequestsTest {
    private static final ApiVersion V1_40 = ApiVersion.of(1, 40);
    private final CapsuleRequests requests = new CapsuleRequests(TestValidators.validator());

    @Test
    void aYamlTemplateIsReadWithItsMembersAndVolumes() {
        NewCapsule c = requests.create(of("{`template`: `kind: capsule\\nmetadata: {name: web}\\nspec:\\n"
                + "  restartPolicy: OnFailure\\n  containers:\\n  - image: busybox\\n    command: [sh]\\n    args: [-c]\\n"
                + "    ports: [{containerPort: 80}]\\n    resources: {requests: {cpu: 0.5, memory: 63.5}}\\n"
                + "    volumeMounts: [{name: data, mountPath: /d}]\\n  volumes:\\n  - name: data\\n"
                + "    cinder: {size: 1}\\n`}"), V1_40);
        assertEquals("web", c.name());
        assertEquals("on-failure", c.restartPolicy());
        assertEquals(List.of("sh", "-c"), c.containers().getFirst().command());
        assertEquals(List.of("80/tcp"), c.containers().getFirst().exposedPorts());
        assertEquals(64, c.containers().getFirst().memoryMb());
        assertEquals(1, c.volumes().getFirst().sizeGb());
    }

    @Test
    void failuresNameTheDottedPath() {
        assertEquals("Invalid input for field 'template.spec.containers'.Value: '[]'. [] is too short",
                error("{`kind`: `capsule`, `metadata`: {}, `spec`: {`containers`: []}}", V1_40));
        assertEquals("Invalid input for field 'template.kind'.Value: 'deployment'. 'deployment' is not one of "
                + "['capsule', 'Capsule', 'pod', 'Pod']", error("{`kind`: `deployment`, `metadata`: {}, `spec`: {}}",
                V1_40));
        assertEquals("Invalid input for field 'template.spec.containers[1].name'.Value: 'app'. Container names must "
                + "be unique within a capsule.", error("{`kind`: `capsule`, `metadata`: {}, `spec`: {`containers`: "
                + "[{`image`: `busybox`, `name`: `app`}, {`image`: `busybox`, `name`: `app`}]}}", V1_40));
        assertEquals("Invalid param template.spec.containers[0].ports because current request version is 1.34. "
                + "template.spec.containers[0].ports is only supported from version 1.35", error("{`kind`: `capsule`, "
                + "`metadata`: {}, `spec`: {`containers`: [{`image`: `busybox`, `ports`: []}]}}", ApiVersion.of(1, 34)));
    }

    @Test
    void namesAndMountsAreCheckedAcrossMembers() {
        String app = "{`image`: `busybox`, `name`: `app`, `volumeMounts`: [{`name`: `data`, `mountPath`: `/d`}]}";
        String data = "{`name`: `data`, `cinder`: {`size`: 1}}";
        assertEquals("Invalid input for field 'template.spec.containers[0].name'.Value: 'app'. Container names must "
                + "be unique within a capsule.", error("{`kind`: `capsule`, `metadata`: {}, `spec`: {`initContainers`: "
                + "[{`image`: `busybox`, `name`: `app`}], `containers`: [" + app + "], `volumes`: [" + data + "]}}", V1_40));
        assertEquals("Invalid input for field 'template.spec.volumes[1].name'.Value: 'data'. Volume names must be "
                + "unique.", error("{`kind`: `capsule`, `metadata`: {}, `spec`: {`containers`: [" + app + "], "
                + "`volumes`: [" + data + ", " + data + "]}}", V1_40));
        assertEquals("Invalid input for field 'template.spec.containers[0].volumeMounts[0].name'.Value: 'data'. No "
                + "volume of that name is declared.", error("{`kind`: `capsule`, `metadata`: {}, `spec`: {`containers`: ["
                + app + "]}}", V1_40));
        assertEquals("Invalid input for field 'template.spec.volumes[0].name'.Value: 'data'. volume mount parameters "
                + "is invalid: volume data is mounted by no container.", error("{`kind`: `capsule`, `metadata`: {}, "
                + "`spec`: {`containers`: [{`image`: `busybox`}], `volumes`: [" + data + "]}}", V1_40));
        NewCapsule c = requests.create(of("{`template`: {`kind`: `capsule`, `metadata`: {`name`: `cap`, `labels`: {`a`: "
                + "`b`}}, `restartPolicy`: `Never`, `spec`: {`containers`: [" + app + ", {`image`: `busybox`}], "
                + "`volumes`: [{`name`: `data`, `cinder`: {`volumeID`: `" + "0".repeat(36) + "`, `autoRemove`: true}}]}}}"),
                V1_40);
        assertEquals("no", c.restartPolicy());
        assertEquals(java.util.Map.of("a", "b"), c.labels());
        assertEquals("app", c.containers().getFirst().templateName());
        assertEquals(List.of(new io.windlass.capsule.CapsuleMemberSpec.VolumeMount("data", "/d", false)),
                c.containers().getFirst().volumeMounts());
        assertEquals(new io.windlass.capsule.CapsuleVolumeSpec("data", null, "0".repeat(36), false), c.volumes().getFirst());
    }

    private String error(String template, ApiVersion version) {
        return assertThrows(InvalidInputException.class,
                () -> requests.create(of("{`template`: " + template + "}"), version)).getMessage();
    }
}
