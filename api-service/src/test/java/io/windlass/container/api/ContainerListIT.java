package io.windlass.container.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.windlass.container.ContainerStatus;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.testing.ContainerRows;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ContainerListIT {
    @Inject
    ContainerRows rows;

    private final List<ContainerEntity> created = new ArrayList<>();

    @BeforeEach
    void fiveContainers() {
        rows.deleteAll();
        created.clear();
        created.add(rows.insert("delta", ContainerStatus.RUNNING, "node1", c -> c.memory = 256));
        created.add(rows.insert("alpha", ContainerStatus.STOPPED, "node1", c -> c.memory = 128));
        created.add(rows.insert("echo", ContainerStatus.RUNNING, "node2", c -> c.memory = 256));
        created.add(rows.insert("bravo", ContainerStatus.CREATING, null, c -> c.memory = 64));
        created.add(rows.insert("charlie", ContainerStatus.ERROR, null, c -> c.projectId = "other"));
    }

    @Test
    void listsOwnProjectInCreationOrderWithoutNextWhenNotFull() {
        given().when().get("/container/v1/containers/")
                .then().statusCode(200)
                .body("containers", hasSize(4))
                .body("containers.name", equalTo(List.of("delta", "alpha", "echo", "bravo")))
                .body("containers[0].memory", equalTo("256"))
                .body("next", nullValue());
    }

    @Test
    void allProjectsShowsEveryProjectForAdmins() {
        given().queryParam("all_projects", "1")
                .when().get("/container/v1/containers")
                .then().statusCode(200)
                .body("containers", hasSize(5));
    }

    @Test
    void pagesFollowTheMarkerAndTheNextLink() {
        Response first = given().header("Host", "cloud.test:8774")
                .queryParam("limit", 2).queryParam("sort_key", "name")
                .when().get("/container/v1/containers");
        first.then().statusCode(200).body("containers.name", equalTo(List.of("alpha", "bravo")));
        String next = first.path("next");
        assertEquals("http://cloud.test:8774/container/v1/containers?sort_key=name&sort_dir=asc&limit=2&marker="
                + created.get(3).uuid, next);

        Response second = given().queryParam("limit", 2).queryParam("sort_key", "name")
                .queryParam("marker", created.get(3).uuid.toString())
                .when().get("/container/v1/containers");
        second.then().statusCode(200).body("containers.name", equalTo(List.of("delta", "echo")));

        given().queryParam("limit", 2).queryParam("sort_key", "name")
                .queryParam("marker", created.get(2).uuid.toString())
                .when().get("/container/v1/containers")
                .then().statusCode(200).body("containers", hasSize(0)).body("next", nullValue());
    }

    @Test
    void sortsDescendingWithNullsAndTies() {
        given().queryParam("sort_key", "memory").queryParam("sort_dir", "desc")
                .when().get("/container/v1/containers")
                .then().statusCode(200)
                .body("containers.name", equalTo(List.of("echo", "delta", "alpha", "bravo")));
        // host is null for bravo: a page boundary on a null value must not lose or repeat rows
        Response firstPage = given().queryParam("sort_key", "host").queryParam("limit", 3)
                .when().get("/container/v1/containers");
        firstPage.then().body("containers.name", equalTo(List.of("delta", "alpha", "echo")));
        given().queryParam("sort_key", "host").queryParam("limit", 3)
                .queryParam("marker", created.get(2).uuid.toString())
                .when().get("/container/v1/containers")
                .then().body("containers.name", equalTo(List.of("bravo")));
    }

    @Test
    void filtersMatchExactly() {
        given().queryParam("status", "Running").when().get("/container/v1/containers")
                .then().statusCode(200).body("containers.name", equalTo(List.of("delta", "echo")));
        given().queryParam("host", "node1").queryParam("memory", "128").when().get("/container/v1/containers")
                .then().statusCode(200).body("containers.name", equalTo(List.of("alpha")));
        given().queryParam("name", "bravo").when().get("/container/v1/containers")
                .then().statusCode(200).body("containers.name", equalTo(List.of("bravo")));
    }

    @Test
    void badQueriesAre400() {
        given().queryParam("colour", "red").when().get("/container/v1/containers")
                .then().statusCode(400).body("errors[0].detail", equalTo("Unknown parameters: colour"));
        for (String limit : new String[] {"0", "-1", "ten"}) {
            given().queryParam("limit", limit).when().get("/container/v1/containers")
                    .then().statusCode(400).body("errors[0].detail", containsString("'limit'"));
        }
        given().queryParam("sort_key", "environment").when().get("/container/v1/containers")
                .then().statusCode(400).body("errors[0].detail", containsString("'sort_key'"));
        given().queryParam("sort_dir", "up").when().get("/container/v1/containers")
                .then().statusCode(400).body("errors[0].detail", containsString("'sort_dir'"));
        given().queryParam("all_projects", "maybe").when().get("/container/v1/containers")
                .then().statusCode(400).body("errors[0].detail", containsString("'all_projects'"));
        given().queryParam("status", "Sleeping").when().get("/container/v1/containers")
                .then().statusCode(400).body("errors[0].detail", containsString("'status'"));
    }

    @Test
    void unknownMarkerIs404() {
        given().queryParam("marker", "2a3c5a2e-3a61-4c8f-9f42-0c1f2b6f0d11").when().get("/container/v1/containers")
                .then().statusCode(404).body("errors[0].code", equalTo("container.container-not-found"));
    }
}
