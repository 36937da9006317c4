package dev.warden.persistence;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Reads reviews, each in a session of its own and bounded by {@code warden.database.timeout}. */
@ApplicationScoped
public class ReviewRepository implements PanacheRepositoryBase<ReviewEntity, UUID> {

    private final DatabaseCalls calls;

    ReviewRepository(DatabaseCalls calls) {
        this.calls = calls;
    }

    /** The moderation's review, or null when none was requested. */
    public Uni<ReviewEntity> findFor(UUID moderationId) {
        return calls.read(() -> findById(moderationId));
    }
}
