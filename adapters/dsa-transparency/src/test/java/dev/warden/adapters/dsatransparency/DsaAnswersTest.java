package dev.warden.adapters.dsatransparency;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.warden.testkit.KitFixtures.answer;
import static dev.warden.testkit.KitFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import dev.warden.spi.ProviderException.Kind;
import dev.warden.spi.reporting.BatchAnswer;
import dev.warden.spi.reporting.OutgoingReport;
import dev.warden.spi.reporting.ReportingException;

/** Every answer of partners.md §2.5 to {@code POST /api/v1/statements}, and what the adapter sent to get it. */
class DsaAnswersTest extends DsaTestPartner {

    private static final String STATEMENTS = "/dsa/api/v1/statements";
    private static final String FIXTURES = "/dsa-transparency/";

    private void answers(ResponseDefinitionBuilder answer) {
        partner.stubFor(post(urlEqualTo(STATEMENTS)).willReturn(answer));
    }

    private BatchAnswer submit(List<OutgoingReport> batch) {
        return await(adapter().submit(batch));
    }

    private ReportingException submitFails(List<OutgoingReport> batch) {
        return failure(adapter().submit(batch));
    }

    @Test
    void theCallCarriesTheTokenTheJsonHeadersAndTheStatementsInOrder() {
        answers(json(201, "{\"statements\":[{\"puid\":\"b\",\"uuid\":\"u-b\"},{\"puid\":\"a\",\"uuid\":\"u-a\"}]}"));

        submit(List.of(report("b"), report("a")));

        partner.verify(1, postRequestedFor(urlEqualTo(STATEMENTS))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Content-Type", containing("application/json")));
        JsonNode sent = parse(partner.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertThat(sent.get("statements")).extracting(statement -> statement.get("puid").asText())
                .containsExactly("b", "a");
        assertThat(sent.get("statements").get(0).get("decision_ground").asText())
                .isEqualTo("DECISION_GROUND_INCOMPATIBLE_CONTENT");
        assertThat(sent.get("statements").get(0).get("automated_detection").asText()).isEqualTo("Yes");
    }

    @Test
    void a201IsMatchedByPuidNotByPosition() {
        answers(json(201, """
                {"statements": [
                  {"puid": "a", "uuid": "u-a", "permalink": "https://t.example/statement/u-a",
                   "self": "https://t.example/api/v1/statement/u-a", "created_at": "2026-12-02 08:00:00"},
                  {"puid": "b", "uuid": "u-b", "permalink": "https://t.example/statement/u-b"}]}"""));

        BatchAnswer answer = submit(List.of(report("b"), report("a")));

        assertThat(answer).isInstanceOfSatisfying(BatchAnswer.Accepted.class, accepted -> {
            assertThat(accepted.refsByKey()).containsOnlyKeys("a", "b");
            assertThat(accepted.refsByKey().get("a")).containsExactlyInAnyOrderEntriesOf(Map.of("uuid", "u-a",
                    "permalink", "https://t.example/statement/u-a", "self", "https://t.example/api/v1/statement/u-a"));
            assertThat(accepted.refsByKey().get("b")).containsEntry("uuid", "u-b").doesNotContainKey("self");
            assertThat(accepted.exchange().httpStatus()).hasValue(201);
            assertThat(accepted.exchange().message()).isEqualTo("EU DSA Transparency Database stored 2 statements");
        });
    }

    @Test
    void a422NamingItemsByIndexGivesEachItsMessagesByOurFieldNames() {
        answers(answer(422, FIXTURES + "422-batch-items.json"));

        BatchAnswer answer = submit(reports("i", 3));

        assertThat(answer).isInstanceOfSatisfying(BatchAnswer.ItemsInvalid.class, invalid -> {
            assertThat(invalid.messageByIndex()).containsOnlyKeys(0, 2);
            assertThat(invalid.messageByIndex().get(0))
                    .isEqualTo("decisionGround: The selected decision ground is invalid.");
            assertThat(invalid.messageByIndex().get(2)).isEqualTo("decisionProvision: The selected decision"
                    + " provision is invalid.; contentDate: The content date field must be a valid date.");
            assertThat(invalid.exchange().message()).contains("refused 2 of 3 statements");
        });
    }

    @Test
    void an422IndexOutsideTheCallIsAnUnreadableAnswer() {
        answers(answer(422, FIXTURES + "422-batch-items.json"));

        ReportingException failure = submitFails(reports("i", 2));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_RESPONSE);
        assertThat(failure.getMessage()).contains("statement 2 of a call with 2");
    }

    @Test
    void aSingleShaped422NamesNoItemSoTheBatchIsRejectedForTheCoreToSplit() {
        answers(answer(422, FIXTURES + "422-single.json"));
        // The sample's facts share "automated" with the template: a template naming a field is not a quote.
        assertThat(sample().get("decisionFacts").asText()).startsWith("Automated");

        BatchAnswer answer = submit(reports("s", 4));

        assertThat(answer).isInstanceOfSatisfying(BatchAnswer.Rejected.class, rejected -> assertThat(
                rejected.exchange().message()).isEqualTo("EU DSA Transparency Database answered 422: The selected"
                        + " automated decision is invalid."));
    }

    @Test
    void aBatchDuplicateNamesTheSentPuidsItListsOnly() {
        answers(answer(422, FIXTURES + "422-duplicate-batch.json"));

        BatchAnswer answer = submit(List.of(report("ok-1"), report("dup-1"), report("ok-2")));

        assertThat(answer).isInstanceOfSatisfying(BatchAnswer.Duplicates.class, duplicates -> {
            assertThat(duplicates.keys()).containsExactly("dup-1");
            assertThat(duplicates.exchange().message()).contains("not unique");
        });
    }

    @Test
    void aSingleShapedDuplicateNamesItsPuidUnderExisting() {
        answers(answer(422, FIXTURES + "422-duplicate-single.json"));

        assertThat(submit(List.of(report("x"), report("dup-1")))).isInstanceOfSatisfying(
                BatchAnswer.Duplicates.class, duplicates -> assertThat(duplicates.keys()).containsExactly("dup-1"));
    }

    @Test
    void aDuplicateNamingNoSentPuidIsTheOneStatementOfAOneStatementCallOrRejected() {
        answers(json(422, "{\"errors\":{\"puid\":[\"The identifier given is not unique within this platform.\"]}}"));

        assertThat(submit(List.of(report("only")))).isInstanceOfSatisfying(BatchAnswer.Duplicates.class,
                duplicates -> assertThat(duplicates.keys()).containsExactly("only"));
        assertThat(submit(reports("two", 2))).isInstanceOf(BatchAnswer.Rejected.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void refusedCredentialsAreAuthAndNeverRepeatThePartnersText(int status) {
        answers(answer(status, FIXTURES + status + ".json"));

        ReportingException failure = submitFails(reports("a", 1));

        assertThat(failure.kind()).isEqualTo(Kind.AUTH);
        assertThat(failure.getMessage()).startsWith("EU DSA Transparency Database answered " + status
                + ": the token was refused").doesNotContain("Unauthenticated", "unauthorized");
    }

    @Test
    void a429WithPlainTextIsRateLimitedWithItsWaitAndIsNotParsedAsJson() {
        answers(aResponse().withStatus(429).withHeader("Content-Type", "text/plain; charset=UTF-8")
                .withHeader("Retry-After", "7").withBody("Limit Reached. Please do not overload the API"));

        ReportingException failure = submitFails(reports("a", 2));

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).hasValue(Duration.ofSeconds(7));
        assertThat(failure.getMessage()).isEqualTo("EU DSA Transparency Database answered 429: Limit Reached."
                + " Please do not overload the API");
        assertThat(failure.exchange().httpStatus()).hasValue(429);
    }

    @Test
    void a429WithoutRetryAfterLeavesTheWaitToTheCore() {
        answers(aResponse().withStatus(429).withBody("Limit Reached. Please do not overload the API"));

        ReportingException failure = submitFails(reports("a", 1));

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void fiveHundredsAreUnavailable(int status) {
        answers(answer(status, FIXTURES + "500-uncaught.json"));

        ReportingException failure = submitFails(reports("a", 1));

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure.getMessage()).contains("answered " + status + ": SQLSTATE[HY000]");
    }

    @Test
    void aRedirectOnPostIsNotAnApiAnswer() {
        answers(aResponse().withStatus(302).withHeader("Location", "https://transparency.example/login"));

        ReportingException failure = submitFails(reports("a", 1));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_RESPONSE);
        assertThat(failure.getMessage()).contains("302, a redirect instead of an API answer; check base-url");
        assertThat(partner.getAllServeEvents()).hasSize(1);
    }

    @Test
    void aMissingApiIsAnInvalidResponseNotARefusalOfTheStatements() {
        answers(aResponse().withStatus(404).withBody("<html>Not Found</html>"));

        assertThat(submitFails(reports("a", 1)).kind()).isEqualTo(Kind.INVALID_RESPONSE);
    }

    @Test
    void anotherFourHundredRefusesTheCallForTheCoreToSplit() {
        answers(aResponse().withStatus(413).withBody("<html>Request Entity Too Large</html>"));

        BatchAnswer answer = submit(reports("big", 3));

        assertThat(answer).isInstanceOfSatisfying(BatchAnswer.Rejected.class,
                rejected -> assertThat(rejected.exchange().httpStatus()).hasValue(413));
    }

    @Test
    void unreadable201sAreInvalidResponses() {
        answers(aResponse().withStatus(201).withHeader("Content-Type", "text/html").withBody("<html>ok</html>"));
        assertThat(submitFails(reports("a", 1)).kind()).isEqualTo(Kind.INVALID_RESPONSE);

        answers(json(201, "{\"statements\":[{\"puid\":\"a-0\",\"uuid\":"));
        assertThat(submitFails(reports("a", 1)).getMessage()).contains("malformed JSON");

        answers(answer(201, FIXTURES + "201-single-shape.json"));
        assertThat(submitFails(reports("a", 1)).getMessage()).contains("without statements");

        answers(json(201, "{\"statements\":[{\"puid\":\"a-0\"}]}"));
        assertThat(submitFails(reports("a", 1)).getMessage()).contains("without puid or uuid");

        answers(json(201, "{\"statements\":[{\"puid\":\"a-0\",\"uuid\":\"u\"}]}"));
        assertThat(submitFails(reports("a", 3)).getMessage()).contains("without 2 of the 3 statements");
    }

    @Test
    void aPartnerMessageQuotingTheStatementIsWithheld() {
        OutgoingReport report = report("q");
        String facts = report.content().get("decisionFacts").asText();
        answers(json(422, "{\"message\":\"Cannot store: " + facts + "\"}"));

        BatchAnswer answer = await(adapter().submit(List.of(report)));

        assertThat(answer.exchange().message()).doesNotContain(facts.substring(0, 20))
                .contains("withheld");
    }

    @Test
    void aServerErrorQuotingTheStatementIsWithheld() {
        OutgoingReport report = report("q");
        answers(json(500, "{\"errors\":{\"uncaught_exception\":[\"SQLSTATE[22001]: Data too long: 'Automated"
                + " moderation found harassment'\"]}}"));

        ReportingException failure = failure(adapter().submit(List.of(report)));

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure.getMessage()).doesNotContain("harassment").contains("withheld");
    }

    @Test
    void transportFailuresAreReportingFailuresWithNoAnswer() {
        answers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        ReportingException reset = submitFails(reports("a", 1));
        assertThat(reset.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(reset.exchange().httpStatus()).isEmpty();

        answers(json(201, "{}").withFixedDelay(3_000));
        ReportingException timeout = failure(adapter(Map.of(), Duration.ofMillis(500)).submit(reports("a", 1)));
        assertThat(timeout.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(timeout.exchange().httpStatus()).isEmpty();
    }

    @Test
    void aCallOutsideTheBatchLimitsIsACodingErrorAndSendsNothing() {
        DsaTransparencyAdapter adapter = adapter(Map.of("batch.size", "2"));

        assertThatThrownBy(() -> await(adapter.submit(reports("a", 3)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> await(adapter.submit(List.of()))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> await(adapter.submit(List.of(report("same"), report("same")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("puid twice");
        assertThat(partner.getAllServeEvents()).isEmpty();
        assertThat(Optional.of(adapter.maxBatch())).hasValue(2);
    }
}
