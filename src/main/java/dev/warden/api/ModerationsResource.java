package dev.warden.api;

import java.util.UUID;

import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;

import dev.warden.api.auth.CallerHolder;
import dev.warden.api.auth.RequiresScope;
import dev.warden.api.auth.Scope;
import dev.warden.api.generated.ModerationsApi;
import dev.warden.api.generated.model.ModerationRequest;
import dev.warden.api.problems.ProblemException;
import dev.warden.api.problems.ProblemTypes;
import dev.warden.moderation.ModerationService;

/** {@code /v1/moderations}: thin; validation, then the moderation service. */
@RequiresScope(Scope.MODERATE)
public class ModerationsResource implements ModerationsApi {

    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final ModerationRequestValidator validator;
    private final ModerationService service;
    private final CallerHolder caller;

    ModerationsResource(ModerationRequestValidator validator, ModerationService service, CallerHolder caller) {
        this.validator = validator;
        this.service = service;
        this.caller = caller;
    }

    @Override
    public Uni<Response> createModeration(ModerationRequest request, String idempotencyKey) {
        return Uni.createFrom().item(() -> validator.validate(request, idempotencyKey, caller.client()))
                .chain(service::moderate)
                .map(reply -> Response.ok(ModerationResultMapper.toApi(reply.moderation()))
                        .header(REPLAYED_HEADER, reply.replayed()).build());
    }

    @Override
    public Uni<Response> getModeration(UUID id) {
        return service.find(id, caller.client().name())
                .map(found -> found.map(moderation -> Response.ok(ModerationResultMapper.toApi(moderation)).build())
                        .orElseThrow(() -> new ProblemException(404, ProblemTypes.NOT_FOUND, "Not found",
                                "No moderation " + id + " for this client")));
    }
}
