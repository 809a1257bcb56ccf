package io.windlass.system;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ServiceLogCheckTest {

    private static final String LOG = """
            16:40:01,123 INFO  [io.qua.] (main) [] windlass started in 1.234s
            16:40:02,001 ERROR [io.win.con.ContainerReports] (rpc-worker-1) [req-1] report for unknown host
            16:40:02,002 WARN  [io.win.api] (executor-thread-1) [req-2] container st-c1: ERROR in name
            java.lang.IllegalStateException: ERROR at the start of a stack-trace line is not a log line
            16:40:03,500 ERROR [io.ver.cor.net.imp.ConnectionBase] (vert.x-eventloop-thread-0) [] Connection reset
            """;

    @Test
    void reportsOnlyErrorLevelLines() {
        List<String> errors = new ServiceLogCheck(List.of()).unexpectedErrors(LOG);

        assertEquals(2, errors.size());
        assertEquals("16:40:02,001 ERROR [io.win.con.ContainerReports] (rpc-worker-1) [req-1] report for unknown host",
                errors.get(0));
    }

    @Test
    void allowListHidesMatchingLinesOnly() {
        ServiceLogCheck check = new ServiceLogCheck(List.of(Pattern.compile("ConnectionBase.*Connection reset")));

        assertEquals(List.of("16:40:02,001 ERROR [io.win.con.ContainerReports] (rpc-worker-1) [req-1] report for unknown host"),
                check.unexpectedErrors(LOG));
    }

    @Test
    void theDefaultListHidesOnlyWhatQuarkusTagsAsAfterShutdown() {
        String log = """
                22:18:09,232 ERROR [io.qu.sc.co.ru.StatusEmitterInvoker] (executor-thread-1) [] Error occurred while \
                executing task [Error Occurred After Shutdown]: java.lang.NullPointerException
                21:24:49,027 ERROR [io.qu.sc.co.ru.SkipPredicateInvoker] (executor-thread-1) [ ] Error while firing                 SkippedExecution event [Error Occurred After Shutdown]
                22:18:10,001 ERROR [io.wi.wo.Reconciler] (executor-thread-1) [] reconcile failed: Shutdown is near
                """;

        assertEquals(List.of("22:18:10,001 ERROR [io.wi.wo.Reconciler] (executor-thread-1) [] reconcile failed: "
                + "Shutdown is near"), ServiceLogCheck.withDefaultAllowList().unexpectedErrors(log));
    }
}
