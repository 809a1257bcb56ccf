package io.windlass.usageaudit.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.windlass.testing.ComputeHostRows;
import io.windlass.testing.Keystone;
import io.windlass.testing.RealTokens;
import io.windlass.usageaudit.service.AuditPeriod;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Nova's {@code os-instance_usage_audit_log} over three compute hosts (one disabled, one down):
 * no host runs Nova's audit task, so every one is reported as not run for the period.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class InstanceUsageAuditLogIT {
    private static final String PATH = "/compute/v2.1/os-instance_usage_audit_log";

    @Inject
    ComputeHostRows hostRows;

    private String admin;
    private String member;

    @BeforeEach
    void hosts() {
        admin = Keystone.adminToken();
        String name = Keystone.unique("audit");
        String project = Keystone.createProject(admin, name);
        Keystone.createUser(admin, name, "pw", project, "member");
        member = Keystone.token(name, "pw", name);
        hostRows.clear();
        hostRows.insertHost("audit-b", 0);
        hostRows.insertHost("audit-a", 600);
        hostRows.insertHost("audit-c", 0);
        given().header("X-Auth-Token", admin).contentType("application/json")
                .body("{\"host\": \"audit-c\", \"binary\": \"nova-compute\", \"disabled_reason\": \"old\"}")
                .when().put("/compute/v2.1/os-services/disable-log-reason").then().statusCode(200);
    }

    /** The path as Tempest sends it: {@code urllib.quote} of the timestamp. */
    private static ValidatableResponse get(String token, String encodedPath) {
        return given().header("X-Auth-Token", token).urlEncodingEnabled(false)
                .when().get(PATH + encodedPath).then();
    }

    private static Map<String, Object> log(String beginning, String ending) {
        return Map.ofEntries(Map.entry("period_beginning", beginning), Map.entry("period_ending", ending),
                Map.entry("num_hosts", 3), Map.entry("num_hosts_done", 0), Map.entry("num_hosts_running", 0),
                Map.entry("num_hosts_not_run", 3), Map.entry("hosts_not_run", List.of("audit-a", "audit-b", "audit-c")),
                Map.entry("total_instances", 0), Map.entry("total_errors", 0),
                Map.entry("overall_status", "0 of 3 hosts done. 0 errors."), Map.entry("log", Map.of()));
    }

    @Test
    void theLastCompletedMonthWithEveryHostNotRun() {
        AuditPeriod period = AuditPeriod.lastCompletedBefore(LocalDateTime.now(ZoneOffset.UTC));
        get(admin, "").statusCode(200).body("instance_usage_audit_logs",
                equalTo(log(period.beginningText(), period.endingText())));
    }

    @Test
    void theMonthCompletedBeforeATimestamp() {
        get(admin, "/2012-07-15%2010%3A30%3A00").statusCode(200)
                .body("instance_usage_audit_log", equalTo(log("2012-06-01 00:00:00", "2012-07-01 00:00:00")));
        // a month ending exactly then has not completed
        get(admin, "/2012-07-01%2000%3A00%3A00.000000").statusCode(200)
                .body("instance_usage_audit_log.period_beginning", equalTo("2012-05-01 00:00:00"));
        get(admin, "/2013-01-01%2000%3A00%3A01.5").statusCode(200)
                .body("instance_usage_audit_log.period_ending", equalTo("2013-01-01 00:00:00"));
    }

    @Test
    void anInvalidTimestampIsRefusedInNovasWords() {
        get(admin, "/invalid_time").statusCode(400)
                .body("badRequest.message", equalTo("Invalid timestamp for date invalid_time"));
        get(admin, "/2012-02-30%2000%3A00%3A00").statusCode(400)
                .body("badRequest.message", equalTo("Invalid timestamp for date 2012-02-30 00:00:00"));
    }

    @Test
    void adminsOnly() {
        get(member, "").statusCode(403).body("forbidden.message",
                equalTo("Policy doesn't allow os_compute_api:os-instance-usage-audit-log:list to be performed."));
        get(member, "/2012-07-15%2010%3A30%3A00").statusCode(403).body("forbidden.message",
                equalTo("Policy doesn't allow os_compute_api:os-instance-usage-audit-log:show to be performed."));
        // the policy comes before the timestamp
        get(member, "/invalid_time").statusCode(403);
    }
}
