package dev.warden.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;

import dev.warden.client.model.CircuitChange;
import dev.warden.client.model.ProviderGuardStatus;
import dev.warden.client.model.ProviderInfo;
import dev.warden.testkit.TestClients;
import dev.warden.testkit.WardenApi;
import dev.warden.work.AttemptResult;

/**
 * Callback receivers are partners like classifiers: listed by {@code GET /v1/providers} with kind {@code callback},
 * their deliveries counted, and their circuit switchable by an operator, which stops deliveries without a call.
 */
@QuarkusTest
class CallbackReceiversViewTest {

    private static final String ID = "callback:" + CallbackDeliveryTest.TESTER;

    static WireMockServer receiver;

    @Inject
    CallbackDelivery delivery;

    @BeforeAll
    static void startReceiver() {
        receiver = new WireMockServer(wireMockConfig().dynamicPort());
        receiver.start();
        receiver.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)));
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop();
    }

    @AfterEach
    void closeCircuit() throws Exception {
        WardenApi.providers(TestClients.ADMIN_KEY).setProviderCircuit(ID,
                new CircuitChange().state(CircuitChange.StateEnum.CLOSED));
    }

    private AttemptResult deliver() {
        return delivery.attempt(CallbackDeliveryTest.callback(CallbackDeliveryTest.TESTER,
                CallbackDeliveryTest.url(receiver, "/hooks"))).await().atMost(Duration.ofSeconds(20));
    }

    private static ProviderInfo listed(String id) throws Exception {
        return WardenApi.providers(TestClients.MODERATOR_KEY).listProviders().getProviders().stream()
                .filter(info -> info.getId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void everyClientWithCallbackHostsHasAReceiverListedWithItsDeliveries() throws Exception {
        long before = listed(ID).getStats().getCalls();

        assertThat(deliver()).isInstanceOf(AttemptResult.Done.class);

        ProviderInfo tester = listed(ID);
        assertThat(tester.getKind()).isEqualTo(ProviderInfo.KindEnum.CALLBACK);
        assertThat(tester.getAdapter()).isEqualTo("standard-webhooks");
        assertThat(tester.getEnabled()).isTrue();
        assertThat(tester.getModalities()).isEmpty();
        assertThat(tester.getStats().getCalls()).isEqualTo(before + 1);
        assertThat(tester.getGuard().getMaxConcurrent()).isEqualTo(16);
        assertThat(tester.getGuard().getCircuit()).isEqualTo(ProviderGuardStatus.CircuitEnum.DISABLED);
        assertThat(listed("callback:test-moderator").getKind()).isEqualTo(ProviderInfo.KindEnum.CALLBACK);
        assertThat(listed("openai").getKind()).isEqualTo(ProviderInfo.KindEnum.CLASSIFIER);
    }

    @Test
    void aForcedOpenCircuitRetriesLaterWithoutCallingTheReceiver() throws Exception {
        ProviderInfo opened = WardenApi.providers(TestClients.ADMIN_KEY).setProviderCircuit(ID,
                new CircuitChange().state(CircuitChange.StateEnum.OPEN));
        assertThat(opened.getGuard().getCircuit()).isEqualTo(ProviderGuardStatus.CircuitEnum.FORCED_OPEN);
        receiver.resetRequests();

        AttemptResult refused = deliver();

        assertThat(refused).isEqualTo(new AttemptResult.Retry(Optional.empty(),
                "circuit forced open by an operator", Optional.empty()));
        assertThat(receiver.findAll(anyRequestedFor(anyUrl()))).isEmpty();

        WardenApi.providers(TestClients.ADMIN_KEY).setProviderCircuit(ID,
                new CircuitChange().state(CircuitChange.StateEnum.CLOSED));
        assertThat(deliver()).isEqualTo(new AttemptResult.Done(Optional.of(200)));
        assertThat(receiver.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }
}
