package dev.warden.api.openai;

import java.util.List;

import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import dev.warden.api.auth.CallerHolder;
import dev.warden.api.auth.RequiresScope;
import dev.warden.api.auth.Scope;
import dev.warden.api.generated.OpenAiCompatibleApi;
import dev.warden.api.generated.model.OpenAiModerationRequest;
import dev.warden.api.generated.model.OpenAiModerationResponse;
import dev.warden.api.problems.FieldProblem;
import dev.warden.api.problems.ProblemException;
import dev.warden.config.LimitsConfig;
import dev.warden.moderation.ModerationCommand;
import dev.warden.moderation.ModerationReply;
import dev.warden.moderation.ModerationService;

/**
 * {@code POST /openai/v1/moderations}: OpenAI's request read into one sync Warden moderation per OpenAI result, each
 * answered and stored by {@link ModerationService} exactly as {@code POST /v1/moderations} would, then rendered in
 * OpenAI's shape. Sync moderations are always completed when answered (a vendor that answers only by callback counts
 * as a failed provider in sync mode), so every reply has a decision and category scores. Several inputs are moderated one after another: reading a replayed moderation uses the request's
 * one Hibernate Reactive session, which must not run two operations at once.
 */
@RequiresScope(Scope.MODERATE)
public class OpenAiModerationsResource implements OpenAiCompatibleApi {

    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final int MAX_MODEL_LENGTH = 256;
    private static final String ID_PREFIX = "modr-";

    private final ModelPolicies models;
    private final ModerationService service;
    private final CallerHolder caller;
    private final LimitsConfig limits;

    OpenAiModerationsResource(ModelPolicies models, ModerationService service, CallerHolder caller,
            LimitsConfig limits) {
        this.models = models;
        this.service = service;
        this.caller = caller;
        this.limits = limits;
    }

    @Override
    public Uni<Response> createOpenAiModeration(OpenAiModerationRequest request, String idempotencyKey) {
        return Uni.createFrom().item(() -> commands(request, idempotencyKey))
                .chain(commands -> Multi.createFrom().iterable(commands)
                        .onItem().transformToUniAndConcatenate(service::moderate).collect().asList()
                        .map(replies -> answer(ModelPolicies.modelOf(request.getModel()), commands, replies)));
    }

    private List<ModerationCommand> commands(OpenAiModerationRequest request, String idempotencyKey) {
        if (request == null) {
            throw ProblemException.invalid(List.of(new FieldProblem(OpenAiInput.INPUT, "is required")));
        }
        String model = ModelPolicies.modelOf(request.getModel());
        if (model.length() > MAX_MODEL_LENGTH) {
            throw ProblemException.invalid(List.of(new FieldProblem("model", "must be at most " + MAX_MODEL_LENGTH
                    + " characters")));
        }
        var inputs = OpenAiInput.read(request.getInput(), limits);
        String policy = models.policyFor(model);
        return OpenAiCommands.of(caller.client().name(), model, policy, request.getInput(), inputs, idempotencyKey);
    }

    private static Response answer(String model, List<ModerationCommand> commands, List<ModerationReply> replies) {
        OpenAiModerationResponse body = new OpenAiModerationResponse().model(model)
                .id(ID_PREFIX + replies.get(0).moderation().id());
        for (int i = 0; i < replies.size(); i++) {
            body.addResultsItem(OpenAiResults.of(replies.get(i).moderation(), commands.get(i).input()));
        }
        boolean replayed = replies.stream().allMatch(ModerationReply::replayed);
        return Response.ok(body).header(REPLAYED_HEADER, replayed).build();
    }
}
