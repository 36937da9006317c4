package dev.warden.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Reads and writes moderations; callers run it inside a session or transaction. */
@ApplicationScoped
public class ModerationRepository implements PanacheRepositoryBase<ModerationEntity, UUID> {

    private static final String WITH_OUTCOMES = "from ModerationEntity m left join fetch m.outcomes where ";

    public Uni<ModerationEntity> findForClient(UUID id, String clientName) {
        return find(WITH_OUTCOMES + "m.id = ?1 and m.clientName = ?2", id, clientName).firstResult();
    }

    public Uni<ModerationEntity> findByIdempotencyKey(String clientName, String idempotencyKey) {
        return find(WITH_OUTCOMES + "m.clientName = ?1 and m.idempotencyKey = ?2", clientName, idempotencyKey)
                .firstResult();
    }
}
