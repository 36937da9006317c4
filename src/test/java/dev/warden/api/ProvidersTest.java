package dev.warden.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.warden.client.model.ProviderInfo;
import dev.warden.client.model.ProviderList;
import dev.warden.testkit.OpenAiSimulator;
import dev.warden.testkit.TestClients;
import dev.warden.testkit.WardenApi;

@QuarkusTest
class ProvidersTest {

    @Test
    void listsEveryProviderWithItsCapabilitiesAndRecentCalls() throws Exception {
        long before = provider(WardenApi.providers(TestClients.MODERATOR_KEY).listProviders(), "openai").getStats()
                .getCalls();
        OpenAiSimulator.reset();
        OpenAiSimulator.answer(OpenAiSimulator.fixture("clean.json"));
        WardenApi.moderations().createModeration(WardenApi.text("hello", "with-openai"), null);

        ProviderList list = WardenApi.providers(TestClients.MODERATOR_KEY).listProviders();

        ProviderInfo openai = provider(list, "openai");
        assertThat(openai.getAdapter()).isEqualTo("openai");
        assertThat(openai.getKind()).isEqualTo(ProviderInfo.KindEnum.CLASSIFIER);
        assertThat(openai.getEnabled()).isTrue();
        assertThat(openai.getModalities()).containsExactly(ProviderInfo.ModalitiesEnum.TEXT,
                ProviderInfo.ModalitiesEnum.IMAGE);
        assertThat(openai.getStats().getCalls()).isEqualTo(before + 1);
        assertThat(openai.getStats().getP50Ms()).isNotNull().isPositive();
        ProviderInfo localRules = provider(list, "local-rules");
        assertThat(localRules.getModalities()).containsExactly(ProviderInfo.ModalitiesEnum.TEXT);
    }

    private static ProviderInfo provider(ProviderList list, String id) {
        return list.getProviders().stream().filter(info -> info.getId().equals(id)).findFirst().orElseThrow();
    }
}
