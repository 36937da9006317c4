package dev.warden.persistence;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs each Hibernate read once while Warden starts. On a busy machine a cold JVM takes seconds to load and
 * translate its first query; without this, that time would count against the first caller's
 * {@code warden.database.timeout} and answer it 503. The warm-up itself may run out of that time once, while it
 * loads; it is tried again, and the second try finds everything loaded.
 */
@ApplicationScoped
class ReadsWarmUp {

    private static final Logger LOG = Logger.getLogger(ReadsWarmUp.class);
    private static final int ATTEMPTS = 2;

    void warmUp(@Observes StartupEvent started, ModerationRepository repository, Vertx vertx) {
        Context session = VertxContext.getOrCreateDuplicatedContext(vertx);
        try {
            Uni.createFrom().deferred(() -> repository.findForClient(new UUID(0, 0), "")
                    .chain(() -> repository.findByIdempotencyKey("", "")))
                    .runSubscriptionOn(task -> session.runOnContext(ignored -> task.run()))
                    .onFailure(DatabaseTimeoutException.class).retry().atMost(ATTEMPTS - 1)
                    .await().indefinitely();
        } catch (RuntimeException e) {
            LOG.warnf("Reads could not be warmed up; the first ones may answer 503: %s", e.getMessage());
        }
    }
}
