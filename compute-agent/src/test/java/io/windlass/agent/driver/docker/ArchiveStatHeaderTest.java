package io.windlass.agent.driver.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.windlass.agent.driver.DriverException;
import io.windlass.container.ContainerArchive.PathStat;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ArchiveStatHeaderTest {
    private final ObjectMapper json = new ObjectMapper();

    private static String header(String stat) {
        return Base64.getEncoder().encodeToString(stat.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void dockersHeaderIsReadAsZunAnswersIt() {
        // as dockerd 20.10 sends it for /etc/hostname and for /etc (a directory: Go's ModeDir bit)
        assertEquals(new PathStat("hostname", 13, 420, "2026-12-05T12:42:01.656039578Z", ""),
                ArchiveStatHeader.parse("eyJuYW1lIjoiaG9zdG5hbWUiLCJzaXplIjoxMywibW9kZSI6NDIwLCJtdGltZSI6IjIwMjYtMTItMDVUMT"
                        + "I6NDI6MDEuNjU2MDM5NTc4WiIsImxpbmtUYXJnZXQiOiIifQ==", json));
        assertEquals(new PathStat("etc", 4096, 2147484141L, "2026-12-05T12:42:01.615534325Z", ""),
                ArchiveStatHeader.parse(header("{\"name\":\"etc\",\"size\":4096,\"mode\":2147484141,"
                        + "\"mtime\":\"2026-12-05T12:42:01.615534325Z\",\"linkTarget\":\"\"}"), json));
        assertEquals("/bin/busybox", ArchiveStatHeader.parse(header("{\"name\":\"sh\",\"size\":12,\"mode\":134218239,"
                + "\"mtime\":\"x\",\"linkTarget\":\"/bin/busybox\"}"), json).linkTarget());
    }

    @Test
    void aHeaderThatIsNoStatIsTheEnginesFailure() {
        assertThrows(DriverException.class, () -> ArchiveStatHeader.parse("not base64!", json));
        assertThrows(DriverException.class, () -> ArchiveStatHeader.parse(header("[1, 2]"), json));
        assertThrows(DriverException.class, () -> ArchiveStatHeader.parse(header("{\"name\""), json));
    }
}
