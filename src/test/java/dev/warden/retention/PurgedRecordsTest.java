package dev.warden.retention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.warden.persistence.TestDatabase;
import dev.warden.testkit.TestClients;

/** What retention purged cannot be sent or processed again: nothing is left to send, so operators hear why. */
@QuarkusTest
class PurgedRecordsTest {

    private static final Duration AGE = Duration.ofDays(400);

    @Test
    void aReportWhoseContentWasPurgedIsNotRetried() throws SQLException {
        UUID purged = RetentionRows.report("failed", AGE, null);
        TestDatabase.update("update report set content = '{}'::jsonb, content_purged_at = now() where id = ?", purged);
        UUID kept = RetentionRows.report("failed", AGE, null);

        given().auth().oauth2(TestClients.ADMIN_KEY).post("/v1/reports/" + purged + ":retry").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://warden.dev/problems/report-not-retryable"))
                .body("detail", containsString("had its content purged by retention"));

        assertThat(RetentionRows.text("select status from report where id = ?", purged)).isEqualTo("failed");
        assertThat(RetentionRows.count("select count(*) from outbox where subject_id = ?", purged)).isZero();
        given().auth().oauth2(TestClients.ADMIN_KEY).post("/v1/reports/" + kept + ":retry").then().statusCode(202);
    }

    @Test
    void anEventWhoseBodyWasPurgedIsNotReplayed() throws SQLException {
        UUID purged = RetentionRows.webhookEvent("refused", AGE);
        TestDatabase.update("update webhook_event set body = '{}', body_purged_at = now() where id = ?", purged);

        given().auth().oauth2(TestClients.ADMIN_KEY)
                .post("/v1/webhooks/retention-partner/events/" + purged + "/replay").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("had its body purged by retention"));

        assertThat(RetentionRows.text("select status from webhook_event where id = ?", purged)).isEqualTo("refused");
    }
}
