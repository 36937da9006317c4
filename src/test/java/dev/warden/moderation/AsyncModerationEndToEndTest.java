package dev.warden.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.warden.client.ApiResponse;
import dev.warden.client.model.ModerationRequest;
import dev.warden.client.model.ModerationResult;
import dev.warden.client.model.ProviderOutcome;
import dev.warden.persistence.TestDatabase;
import dev.warden.testkit.ScriptedAdapterType;
import dev.warden.testkit.WardenApi;

/**
 * Async mode with Warden's own outbox worker running the jobs, as in production: 202, then GET shows the moderation
 * pending with each provider's progress, then completed, and the job's row ends delivered after one attempt.
 */
@QuarkusTest
class AsyncModerationEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @BeforeEach
    void resetCounters() {
        ScriptedAdapterType.reset();
    }

    @Test
    void theWorkerRunsTheJobFromPendingToCompleted() throws Exception {
        ApiResponse<ModerationResult> accepted = WardenApi.moderations()
                .createModerationWithHttpInfo(slowSecondProvider().mode(ModerationRequest.ModeEnum.ASYNC), null);
        UUID id = accepted.getData().getId();

        assertThat(accepted.getStatusCode()).isEqualTo(202);
        assertThat(WardenApi.moderations().getModeration(id).getStatus())
                .as("scripted-images answers 2 s after the job starts").isEqualTo(ModerationResult.StatusEnum.PENDING);
        await().atMost(WAIT).until(() -> outcomeOf(id, "scripted") == ProviderOutcome.OutcomeEnum.OK);
        ModerationResult halfWay = WardenApi.moderations().getModeration(id);
        assertThat(halfWay.getStatus()).isEqualTo(ModerationResult.StatusEnum.PENDING);
        assertThat(WardenApi.outcome(halfWay, "scripted-images").getOutcome())
                .isEqualTo(ProviderOutcome.OutcomeEnum.PENDING);
        await().atMost(WAIT).until(() -> WardenApi.moderations().getModeration(id).getStatus()
                == ModerationResult.StatusEnum.COMPLETED);

        ModerationResult completed = WardenApi.moderations().getModeration(id);
        assertThat(completed.getProviders()).extracting(ProviderOutcome::getOutcome)
                .containsExactly(ProviderOutcome.OutcomeEnum.OK, ProviderOutcome.OutcomeEnum.OK);
        assertThat(completed.getDegraded()).isFalse();
        assertThat(AsyncJobs.column("content", id)).isNull();
        await().atMost(WAIT).until(() -> "delivered".equals(TestDatabase.queryOne(String.class,
                "select status from outbox where kind = 'moderation' and subject_id = ?", id)));
        assertThat(TestDatabase.queryOne(Integer.class, "select attempts from outbox where kind = 'moderation' and"
                + " subject_id = ?", id)).isEqualTo(1);
        assertThat(ScriptedAdapterType.counters("scripted-images").startedCalls()).isEqualTo(1);
    }

    @Test
    void aKeyedAsyncRequestIsReplayed202WhilePendingAnd200OnceTheWorkerCompletedIt() throws Exception {
        ModerationRequest request = slowSecondProvider().mode(ModerationRequest.ModeEnum.ASYNC);
        String key = "async-e2e-" + UUID.randomUUID();
        UUID id = WardenApi.moderations().createModeration(request, key).getId();

        ApiResponse<ModerationResult> whilePending = WardenApi.moderations().createModerationWithHttpInfo(request,
                key);
        assertThat(whilePending.getStatusCode()).isEqualTo(202);
        assertThat(whilePending.getData().getId()).isEqualTo(id);
        await().atMost(WAIT).until(() -> WardenApi.moderations().getModeration(id).getStatus()
                == ModerationResult.StatusEnum.COMPLETED);

        ApiResponse<ModerationResult> afterwards = WardenApi.moderations().createModerationWithHttpInfo(request, key);

        assertThat(afterwards.getStatusCode()).isEqualTo(200);
        assertThat(afterwards.getHeaders().get("idempotent-replayed")).containsExactly("true");
        assertThat(afterwards.getData().getStatus()).isEqualTo(ModerationResult.StatusEnum.COMPLETED);
        assertThat(ScriptedAdapterType.counters("scripted").startedCalls()).isEqualTo(1);
        assertThat(ScriptedAdapterType.counters("scripted-images").startedCalls()).isEqualTo(1);
    }

    /** Text for {@code scripted}, which answers at once; an image only {@code scripted-images} sees, 2 s later. */
    private static ModerationRequest slowSecondProvider() {
        return WardenApi.text("hello", "async-progress")
                .addContentItem(WardenApi.image("https://cdn.example.com/script:slow-2000.png"));
    }

    private static ProviderOutcome.OutcomeEnum outcomeOf(UUID id, String provider) throws Exception {
        return WardenApi.outcome(WardenApi.moderations().getModeration(id), provider).getOutcome();
    }
}
