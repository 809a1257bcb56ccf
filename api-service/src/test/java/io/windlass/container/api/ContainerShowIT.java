package io.windlass.container.api;

import io.quarkus.test.junit.QuarkusTest;
import io.windlass.container.ContainerAddress;
import io.windlass.container.ContainerStatus;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.testing.ContainerRows;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

@QuarkusTest
class ContainerShowIT {
    @Inject
    ContainerRows rows;

    @Test
    void showsByUuidAndByNameWithEngineFacts() {
        String name = "show-" + UUID.randomUUID().toString().substring(0, 8);
        ContainerEntity c = rows.insert(name, ContainerStatus.RUNNING, "node1", e -> {
            e.addresses = Map.of("bridge", List.of(new ContainerAddress("198.19.0.5", 4, "ep1", "net1", false)));
            e.ports = List.of(80);
            e.statusDetail = "Up 5 minutes";
        });
        for (String ident : new String[] {c.uuid.toString(), name}) {
            given().when().get("/container/v1/containers/" + ident + "?all_projects=False")
                    .then().statusCode(200)
                    .body("uuid", equalTo(c.uuid.toString()))
                    .body("name", equalTo(name))
                    .body("status", equalTo("Running"))
                    .body("status_detail", equalTo("Up 5 minutes"))
                    .body("host", equalTo("node1"))
                    .body("ports", equalTo(List.of(80)))
                    .body("addresses.bridge[0].addr", equalTo("198.19.0.5"))
                    .body("addresses.bridge[0].version", equalTo(4))
                    .body("addresses.bridge[0].subnet_id", equalTo("net1"))
                    .body("addresses.bridge[0].preserve_on_delete", equalTo(false));
        }
    }

    @Test
    void unknownIdentIs404WithZunBody() {
        given().when().get("/container/v1/containers/no-such-thing")
                .then().statusCode(404)
                .header("X-OpenStack-Request-Id", matchesPattern("req-.{36}"))
                .body("errors[0].code", equalTo("container.container-not-found"))
                .body("errors[0].detail", equalTo("Container no-such-thing could not be found."));
    }

    @Test
    void ambiguousNameIs409() {
        String name = "twin-" + UUID.randomUUID().toString().substring(0, 8);
        rows.insert(name, ContainerStatus.RUNNING, "node1");
        rows.insert(name, ContainerStatus.STOPPED, "node1");
        given().when().get("/container/v1/containers/" + name)
                .then().statusCode(409)
                .body("errors[0].detail",
                        equalTo("Multiple containers exist with same name. Please use the container uuid instead."));
    }

    @Test
    void bookmarkLinksResolveLikeV1Links() {
        ContainerEntity c = rows.insert("bookmarked", ContainerStatus.STOPPED, "node1");
        given().when().get("/container/containers/" + c.uuid)
                .then().statusCode(200)
                .body("uuid", equalTo(c.uuid.toString()))
                .header("OpenStack-API-Version", equalTo("container 1.1"));
    }
}
