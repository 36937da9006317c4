package dev.warden.reports.api;

import static dev.warden.reports.api.ReportsApiTest.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

import dev.warden.persistence.TestDatabase;
import dev.warden.reports.ReportCreation;
import dev.warden.reports.ReportCreation.Created;
import dev.warden.reports.ReportSource;
import dev.warden.reports.ReportStatus;
import dev.warden.spi.reporting.ReportFormat;
import dev.warden.testkit.TestClients;

/**
 * Drafts, as review triggers will create them through {@link ReportCreation}: stored with their problems and no
 * delivery row, sent only once an operator confirms them with a valid report.
 */
@QuarkusTest
class ReportDraftsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ReportCreation creation;

    @Test
    void aDraftKeepsItsProblemsQueuesNothingAndIsSentOnlyOnceConfirmedWithAValidReport() throws Exception {
        ObjectNode incomplete = ReportBodies.cybertip();
        ((ObjectNode) incomplete.withArray("evidence").get(0)).remove("sha256");
        UUID id = draft(incomplete);

        as(TestClients.ADMIN_KEY).get("/v1/reports/" + id).then().statusCode(200)
                .body("status", equalTo("draft")).body("deliveryId", nullValue())
                .body("problems[0].field", equalTo("cybertip.evidence[0].sha256"))
                .body("problems[0].message", equalTo("is required"));
        assertThat(TestDatabase.queryOne(Long.class, "select count(*) from outbox where subject_id = ?", id))
                .isZero();

        as(TestClients.ADMIN_KEY).post("/v1/reports/" + id + ":confirm").then().statusCode(400)
                .body("errors[0].field", equalTo("cybertip.evidence[0].sha256"));
        as(TestClients.ADMIN_KEY).body(ReportBodies.JSON.createObjectNode()
                .set("statementOfReasons", ReportBodies.statement()).toString())
                .post("/v1/reports/" + id + ":confirm").then().statusCode(422)
                .body("type", equalTo("https://warden.dev/problems/wrong-format"));

        ObjectNode fixed = ReportBodies.cybertip();
        fixed.withArray("evidence").remove(1);
        as(TestClients.ADMIN_KEY).body(ReportBodies.JSON.createObjectNode().set("cybertip", fixed).toString())
                .post("/v1/reports/" + id + "%3Aconfirm").then().statusCode(202)
                .body("status", equalTo("queued")).body("problems", nullValue()).body("deliveryId", notNullValue())
                .body("files.fileName", equalTo(List.of("a.jpg")))
                .body("report.evidence[0].sha256", equalTo(ReportBodies.SHA256));
        assertThat(TestDatabase.queryOne(Long.class,
                "select count(*) from outbox where subject_id = ? and kind = 'report'", id)).isEqualTo(1);

        as(TestClients.ADMIN_KEY).post("/v1/reports/" + id + ":confirm").then().statusCode(409)
                .body("type", equalTo("https://warden.dev/problems/report-not-draft"));
    }

    @Test
    void aValidDraftIsConfirmedAsItIs() throws Exception {
        UUID id = draft(ReportBodies.cybertip());
        as(TestClients.ADMIN_KEY).get("/v1/reports/" + id).then().body("status", equalTo("draft"))
                .body("files.size()", equalTo(2));

        as(TestClients.ADMIN_KEY).post("/v1/reports/" + id + ":confirm").then().statusCode(202)
                .body("status", equalTo("queued")).body("files.size()", equalTo(2));
        assertThat(TestDatabase.queryOne(String.class, "select status from report where id = ?", id))
                .isEqualTo(ReportStatus.QUEUED.wireName());
    }

    @Test
    void aDraftIsNotRetriedButMayBeRetracted() {
        UUID id = draft(ReportBodies.cybertip());
        as(TestClients.ADMIN_KEY).post("/v1/reports/" + id + ":retry").then().statusCode(409);
        as(TestClients.ADMIN_KEY).post("/v1/reports/" + id + ":retract").then().statusCode(202)
                .body("status", equalTo("retracted"));
        as(TestClients.ADMIN_KEY).post("/v1/reports/" + id + ":confirm").then().statusCode(409);
    }

    private UUID draft(ObjectNode cybertip) {
        Created created = creation.create(new ReportCreation.CreateReport("warden", Optional.empty(), "intake-ncmec",
                ReportFormat.CYBERTIP, cybertip, ReportSource.REVIEW, Optional.empty(), true))
                .await().atMost(WAIT);
        assertThat(created).isInstanceOf(Created.New.class);
        assertThat(((Created.New) created).status()).isEqualTo(ReportStatus.DRAFT);
        return ((Created.New) created).id();
    }
}
