package dev.warden.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.warden.client.ApiException;
import dev.warden.client.ApiResponse;
import dev.warden.client.model.ModerationResult;
import dev.warden.testkit.OpenAiSimulator;
import dev.warden.testkit.TestClients;
import dev.warden.testkit.WardenApi;

@QuarkusTest
class IdempotencyTest {

    @BeforeEach
    void answerFlagged() {
        OpenAiSimulator.reset();
        OpenAiSimulator.answer(OpenAiSimulator.fixture("flagged.json"));
    }

    @Test
    void theSameKeyReturnsTheStoredAnswerWithoutCallingVendorsAgain() throws Exception {
        String key = UUID.randomUUID().toString();

        ApiResponse<ModerationResult> first = WardenApi.moderations()
                .createModerationWithHttpInfo(WardenApi.text("hello there", "with-openai"), key);
        ApiResponse<ModerationResult> second = WardenApi.moderations()
                .createModerationWithHttpInfo(WardenApi.text("hello there", "with-openai"), key);

        assertThat(second.getData().getId()).isEqualTo(first.getData().getId());
        assertThat(second.getData().getDecision()).isEqualTo(first.getData().getDecision());
        assertThat(first.getHeaders().get("Idempotent-Replayed")).containsExactly("false");
        assertThat(second.getHeaders().get("Idempotent-Replayed")).containsExactly("true");
        assertThat(OpenAiSimulator.calls()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() throws Exception {
        String key = UUID.randomUUID().toString();
        WardenApi.moderations().createModeration(WardenApi.text("hello there", "with-openai"), key);

        ApiException refused = catchThrowableOfType(ApiException.class, () -> WardenApi.moderations()
                .createModeration(WardenApi.text("something else", "with-openai"), key));

        assertThat(refused.getCode()).isEqualTo(422);
        assertThat(refused.getResponseHeaders().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(refused.getResponseBody()).contains("idempotency-conflict").contains("Idempotency-Key");
        assertThat(OpenAiSimulator.calls()).isEqualTo(1);
    }

    @Test
    void keysBelongToOneClient() throws Exception {
        String key = UUID.randomUUID().toString();
        ModerationResult mine = WardenApi.moderations()
                .createModeration(WardenApi.text("hello there", "default"), key);

        ModerationResult theirs = WardenApi.moderations(TestClients.SECOND_MODERATOR_KEY)
                .createModeration(WardenApi.text("another text entirely", "default"), key);
        ApiException notTheirs = catchThrowableOfType(ApiException.class,
                () -> WardenApi.moderations(TestClients.SECOND_MODERATOR_KEY).getModeration(mine.getId()));

        assertThat(theirs.getId()).isNotEqualTo(mine.getId());
        assertThat(notTheirs.getCode()).isEqualTo(404);
    }

    @Test
    void concurrentRequestsWithOneKeyAllGetTheSameAnswer() throws Exception {
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<UUID>> calls = IntStream.range(0, 6).<Callable<UUID>>mapToObj(i -> () -> WardenApi
                    .moderations().createModeration(WardenApi.text("hello there", "with-openai"), key).getId())
                    .toList();
            List<UUID> ids = pool.invokeAll(calls).stream().map(IdempotencyTest::get).toList();

            assertThat(ids).hasSize(6).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMalformedKeyIsRefused() {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> WardenApi.moderations()
                .createModeration(WardenApi.text("hello", "default"), "x".repeat(256)));

        assertThat(refused.getCode()).isEqualTo(400);
        assertThat(refused.getResponseBody()).contains("Idempotency-Key");
    }

    private static UUID get(Future<UUID> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
