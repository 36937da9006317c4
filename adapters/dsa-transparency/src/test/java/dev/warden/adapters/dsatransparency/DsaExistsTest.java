package dev.warden.adapters.dsatransparency;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.warden.testkit.KitFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import dev.warden.spi.ProviderException.Kind;
import dev.warden.spi.reporting.Existence;

/** {@code GET /api/v1/statement/existing-puid/{puid}} (partners.md §2.2): 302 exists, 404 does not. */
class DsaExistsTest extends DsaTestPartner {

    private static final String EXISTING = "/dsa/api/v1/statement/existing-puid/";

    private void answers(String puid, ResponseDefinitionBuilder answer) {
        partner.stubFor(get(urlEqualTo(EXISTING + puid)).willReturn(answer));
    }

    @Test
    void a302IsExistsAndItsRedirectIsNeverFollowed() {
        answers("dup-1", json(302, "{\"message\":\"statement of reason found\",\"puid\":\"dup-1\"}")
                .withHeader("Location", "/dsa/trap"));
        partner.stubFor(get(urlEqualTo("/dsa/trap")).willReturn(aResponse().withStatus(200)));

        Existence answer = await(adapter().exists("dup-1"));

        assertThat(answer).isInstanceOf(Existence.Exists.class);
        assertThat(answer.exchange().httpStatus()).hasValue(302);
        partner.verify(getRequestedFor(urlEqualTo(EXISTING + "dup-1"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Accept", equalTo("application/json")));
        partner.verify(0, getRequestedFor(urlEqualTo("/dsa/trap")));
    }

    @Test
    void a302WithoutLocationAsTheApiSendsItIsExists() {
        answers("dup-2", json(302, "{\"message\":\"statement of reason found\",\"puid\":\"dup-2\"}"));

        assertThat(await(adapter().exists("dup-2"))).isInstanceOf(Existence.Exists.class);
    }

    @Test
    void a404IsMissing() {
        answers("gone-1", json(404, "{\"message\":\"statement of reason not found\",\"puid\":\"gone-1\"}"));

        Existence answer = await(adapter().exists("gone-1"));

        assertThat(answer).isInstanceOf(Existence.Missing.class);
        assertThat(answer.exchange().httpStatus()).hasValue(404);
    }

    @Test
    void failuresAreClassifiedAsForSubmissions() {
        answers("a", json(401, "{\"message\":\"Unauthenticated.\"}"));
        assertThat(failure(adapter().exists("a")).kind()).isEqualTo(Kind.AUTH);

        answers("a", aResponse().withStatus(429).withHeader("Retry-After", "3").withBody("Limit Reached."));
        assertThat(failure(adapter().exists("a")).kind()).isEqualTo(Kind.RATE_LIMITED);

        answers("a", json(503, "{}"));
        assertThat(failure(adapter().exists("a")).kind()).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void anAnswerExistingPuidNeverGivesIsInvalid() {
        answers("a", json(200, "{\"message\":\"statement of reason found\"}"));
        assertThat(failure(adapter().exists("a")).kind()).isEqualTo(Kind.INVALID_RESPONSE);

        answers("b", json(422, "{\"message\":\"?\"}"));
        assertThat(failure(adapter().exists("b")).kind()).isEqualTo(Kind.INVALID_RESPONSE);
    }

    @Test
    void aKeyThatIsNotAPuidNeverReachesTheUrl() {
        int before = http.requests();

        assertThat(failure(adapter().exists("../statements")).kind()).isEqualTo(Kind.BAD_REQUEST);
        assertThat(failure(adapter().exists("a?b=c")).kind()).isEqualTo(Kind.BAD_REQUEST);
        assertThat(http.requests()).isEqualTo(before);
    }
}
