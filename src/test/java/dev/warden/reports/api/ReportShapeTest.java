package dev.warden.reports.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.warden.reports.ReportShape;
import dev.warden.spi.reporting.ReportFormat;
import dev.warden.spi.reporting.RuleViolation;

/** Warden's own shape checks, without Quarkus: what the partner's rules never see. */
class ReportShapeTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-02T08:00:00Z"), ZoneOffset.UTC);

    private final ReportShape shape = new ReportShape(Set.of("127.0.0.1"), NOW);

    @Test
    void theNormalizedExamplesPass() {
        assertThat(shape.check(ReportFormat.STATEMENT_OF_REASONS, ReportBodies.statement())).isEmpty();
        assertThat(shape.check(ReportFormat.CYBERTIP, ReportBodies.cybertip())).isEmpty();
    }

    @Test
    void typesDatesAndUnknownMembersAreNamedByPointer() {
        ObjectNode statement = ReportBodies.statement();
        statement.put("contentDate", "2026-13-01");
        statement.put("applicationDate", "01.12.2026");
        statement.putArray("contentType");
        statement.put("decisionFacts", "  ");
        statement.putObject("contentId").put("ean", "1");
        statement.put("puid", "x".repeat(501));

        assertThat(shape.check(ReportFormat.STATEMENT_OF_REASONS, statement)).extracting(RuleViolation::pointer)
                .containsExactlyInAnyOrder("/contentDate", "/applicationDate", "/contentType", "/decisionFacts",
                        "/contentId/ean", "/contentId/ean13", "/puid");
    }

    @Test
    void aCybertipNeedsAPastIncidentAndFetchableFilesWithCheckableHashes() {
        ObjectNode cybertip = ReportBodies.cybertip();
        ((ObjectNode) cybertip.get("incident")).put("dateTime", "2026-12-03T00:00:00Z");
        ObjectNode first = (ObjectNode) cybertip.withArray("evidence").get(0);
        first.put("url", "http://127.0.0.1:8089/evidence/a.jpg");
        first.put("md5", "not-a-hash");
        ((ObjectNode) cybertip.withArray("evidence").get(1)).put("url", "https://user:pw@files.example/b.mp4");
        for (int i = 0; i < 19; i++) {
            cybertip.withArray("evidence").add(first.deepCopy());
        }

        List<RuleViolation> problems = shape.check(ReportFormat.CYBERTIP, cybertip);

        assertThat(problems).extracting(RuleViolation::pointer).containsExactlyInAnyOrder("/incident/dateTime",
                "/evidence", "/evidence/1/url", "/evidence/0/md5", "/evidence/2/md5", "/evidence/3/md5",
                "/evidence/4/md5", "/evidence/5/md5", "/evidence/6/md5", "/evidence/7/md5", "/evidence/8/md5",
                "/evidence/9/md5", "/evidence/10/md5", "/evidence/11/md5", "/evidence/12/md5", "/evidence/13/md5",
                "/evidence/14/md5", "/evidence/15/md5", "/evidence/16/md5", "/evidence/17/md5", "/evidence/18/md5",
                "/evidence/19/md5", "/evidence/20/md5");
        assertThat(problems).filteredOn(problem -> problem.pointer().equals("/evidence"))
                .extracting(RuleViolation::message).containsExactly("must have at most 20 files");
    }

    @ParameterizedTest
    @CsvSource({ "https://169.254.169.254/latest/meta-data/x.jpg, a cloud metadata address",
            "https://10.0.0.7/x.jpg, a private address", "https://[::1]/x.jpg, a loopback address",
            "https://[::ffff:169.254.169.254]/x.jpg, a cloud metadata address" })
    void evidenceAtAnAddressWardenNeverFetchesFromIsRefusedAtIntake(String url, String kind) {
        ObjectNode cybertip = ReportBodies.cybertip();
        ((ObjectNode) cybertip.withArray("evidence").get(0)).put("url", url);

        assertThat(shape.check(ReportFormat.CYBERTIP, cybertip)).containsExactly(new RuleViolation("/evidence/0/url",
                "leads to " + kind + ", which Warden does not fetch evidence from"));
    }

    @Test
    void anAllowedHostMayBeAPrivateAddressButNeverAMetadataOne() {
        ReportShape lab = new ReportShape(Set.of("10.0.0.7", "169.254.169.254"), NOW);
        ObjectNode cybertip = ReportBodies.cybertip();
        ((ObjectNode) cybertip.withArray("evidence").get(0)).put("url", "https://10.0.0.7/x.jpg");
        ((ObjectNode) cybertip.withArray("evidence").get(1)).put("url", "https://169.254.169.254/x.jpg");

        assertThat(lab.check(ReportFormat.CYBERTIP, cybertip)).extracting(RuleViolation::pointer)
                .containsExactly("/evidence/1/url");
    }

    @Test
    void aReportThatIsNoObjectIsOneProblem() {
        assertThat(shape.check(ReportFormat.CYBERTIP, ReportBodies.JSON.createArrayNode()))
                .containsExactly(new RuleViolation("", "must be an object"));
    }
}
