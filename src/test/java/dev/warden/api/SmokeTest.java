package dev.warden.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.client.model.ModerationResult;
import dev.warden.testkit.WardenApi;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SmokeTest {

    @Test
    void moderates() throws Exception {
        ModerationResult result = WardenApi.moderations().createModeration(WardenApi.text("you idiot", "default"), null);
        assertThat(result.getProviders()).isNotEmpty();
        System.out.println(result);
    }
}
