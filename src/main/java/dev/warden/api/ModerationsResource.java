package dev.warden.api;

import java.util.UUID;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;

import dev.warden.api.auth.CallerHolder;
import dev.warden.api.auth.RequiresScope;
import dev.warden.api.auth.Scope;
import dev.warden.api.generated.ModerationsApi;
import dev.warden.api.generated.model.ModerationRequest;
import dev.warden.api.problems.ProblemException;
import dev.warden.api.problems.ProblemTypes;
import dev.warden.moderation.Moderation;
import dev.warden.moderation.ModerationReply;
import dev.warden.moderation.ModerationService;
import dev.warden.moderation.ModerationStatus;

/** {@code /v1/moderations}: thin; validation, then the moderation service. */
@RequiresScope(Scope.MODERATE)
public class ModerationsResource implements ModerationsApi {

    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final String PATH = "/v1/moderations/";

    private final ModerationRequestValidator validator;
    private final ModerationService service;
    private final CallerHolder caller;

    ModerationsResource(ModerationRequestValidator validator, ModerationService service, CallerHolder caller) {
        this.validator = validator;
        this.service = service;
        this.caller = caller;
    }

    /**
     * {@code 200} with the decision; {@code 202} with {@code Location} while the moderation is pending (an async
     * request, or the replay of one whose job has not ended), answered only after it was committed.
     */
    @Override
    public Uni<Response> createModeration(ModerationRequest request, String idempotencyKey) {
        return Uni.createFrom().item(() -> validator.validate(request, idempotencyKey, caller.client()))
                .chain(service::moderate)
                .map(ModerationsResource::answer);
    }

    private static Response answer(ModerationReply reply) {
        Moderation moderation = reply.moderation();
        Response.ResponseBuilder answer = moderation.status() == ModerationStatus.PENDING
                ? Response.accepted().header(HttpHeaders.LOCATION, PATH + moderation.id())
                : Response.ok();
        return answer.entity(ModerationResultMapper.toApi(moderation)).header(REPLAYED_HEADER, reply.replayed())
                .build();
    }

    @Override
    public Uni<Response> getModeration(UUID id) {
        return service.find(id, caller.client().name())
                .map(found -> found.map(moderation -> Response.ok(ModerationResultMapper.toApi(moderation)).build())
                        .orElseThrow(() -> new ProblemException(404, ProblemTypes.NOT_FOUND, "Not found",
                                "No moderation " + id + " for this client")));
    }
}
