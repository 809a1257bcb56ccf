package io.windlass.agent.image;

import io.windlass.agent.driver.HostInventory;
import io.windlass.agent.driver.fake.FakeContainerDriver;
import io.windlass.agent.testing.ContainerSpecs;
import io.windlass.network.WorkloadNetworks;
import io.windlass.rpc.RpcHandlerException;
import io.windlass.zunimage.DeleteImage;
import io.windlass.zunimage.ImagePullReport;
import io.windlass.zunimage.PullImage;
import io.windlass.zunimage.SearchImages;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The host's side of Zun's images API over a simulated engine. */
class ZunImagesTest {
    private final FakeContainerDriver engine = new FakeContainerDriver(new HostInventory(4, 4096, 40),
            Set.of("busybox:latest", "team/app:v1"));

    @Test
    void aHeldImageIsReportedAndAMissingOneIsPulledOnlyWhenAllowed() {
        ImagePullReport held = new ZunImages(engine, null, "h1", false).pull(new PullImage("u1", "busybox", "latest"));
        assertTrue(held.succeeded());
        assertEquals(engine.inspectImage("busybox:latest").orElseThrow().id(), held.imageId());

        ImagePullReport refused = new ZunImages(engine, null, "h1", false).pull(new PullImage("u2", "nginx", "1"));
        assertEquals(ImagePullReport.failed("u2", "h1", "Image nginx:1 not found on host h1 and pulling is disabled"),
                refused);
        assertFalse(engine.hasImage("nginx:1"));

        ImagePullReport pulled = new ZunImages(engine, null, "h1", true).pull(new PullImage("u3", "nginx", "1"));
        assertTrue(pulled.succeeded(), pulled.toString());
        assertTrue(engine.hasImage("nginx:1"));
    }

    @Test
    void aDeleteIsRefusedAsConflictWhileAContainerUsesTheImage() {
        ZunImages images = new ZunImages(engine, null, "h1", false);
        engine.create(ContainerSpecs.container("c1").image("team/app:v1").build(), WorkloadNetworks.NONE);
        RpcHandlerException inUse = assertThrows(RpcHandlerException.class,
                () -> images.delete(new DeleteImage("u1", "team/app", "v1", null)));
        assertEquals(DeleteImage.IN_USE, inUse.type());
        assertTrue(engine.hasImage("team/app:v1"));

        images.delete(new DeleteImage("u2", "busybox", "latest", null));
        assertFalse(engine.hasImage("busybox:latest"));
        images.delete(new DeleteImage("u2", "busybox", "latest", null));
    }

    @Test
    void anExactSearchKeepsOnlyTheNameAsked() {
        ZunImages images = new ZunImages(engine, null, "h1", false);
        assertEquals(List.of("team/app"), images.search(new SearchImages("app", false)).images().stream()
                .map(SearchImages.Match::name).toList());
        assertEquals(List.of(), images.search(new SearchImages("app", true)).images());
        assertNull(images.search(new SearchImages("busybox", true)).images().getFirst().description());
    }
}
