package dev.warden.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Reads moderations, each in a session of its own and bounded by {@code warden.database.timeout}. */
@ApplicationScoped
public class ModerationRepository implements PanacheRepositoryBase<ModerationEntity, UUID> {

    private static final String WITH_OUTCOMES = "from ModerationEntity m left join fetch m.outcomes where ";

    private final DatabaseCalls calls;

    ModerationRepository(DatabaseCalls calls) {
        this.calls = calls;
    }

    public Uni<ModerationEntity> findForClient(UUID id, String clientName) {
        return calls.read(() -> atMostOne(find(WITH_OUTCOMES + "m.id = ?1 and m.clientName = ?2", id, clientName)
                .list()));
    }

    /** Any client's moderation, with its outcomes: for the work done after an answer. */
    public Uni<ModerationEntity> findWithOutcomes(UUID id) {
        return calls.read(() -> atMostOne(find(WITH_OUTCOMES + "m.id = ?1", id).list()));
    }

    public Uni<ModerationEntity> findByIdempotencyKey(String clientName, String idempotencyKey) {
        return calls.read(() -> atMostOne(find(WITH_OUTCOMES + "m.clientName = ?1 and m.idempotencyKey = ?2",
                clientName, idempotencyKey).list()));
    }

    /**
     * Both lookups match at most one row by a unique key; a row limit with a collection fetch would make Hibernate
     * fetch everything and cut in memory, so none is set.
     */
    private static Uni<ModerationEntity> atMostOne(Uni<List<ModerationEntity>> rows) {
        return rows.map(found -> found.isEmpty() ? null : found.get(0));
    }
}
