package dev.warden.moderation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.warden.config.PoliciesConfig;
import dev.warden.persistence.ModerationRepository;
import dev.warden.persistence.ModerationWriter;
import dev.warden.persistence.VertxContexts;

/**
 * The moderation flow: a request with an Idempotency-Key is answered once per key ({@link SingleFlight}); the answer
 * itself is planned, the providers called in parallel within the policy's deadline, aggregated, decided, and
 * everything stored before answering.
 */
@ApplicationScoped
public class ModerationService {

    private final PolicyCatalog policies;
    private final ModerationPlanner planner;
    private final FanOut fanOut;
    private final ModerationRepository repository;
    private final ModerationWriter writer;
    private final SingleFlight singleFlight;

    ModerationService(PolicyCatalog policies, ModerationPlanner planner, FanOut fanOut,
            ModerationRepository repository, ModerationWriter writer, SingleFlight singleFlight) {
        this.policies = policies;
        this.planner = planner;
        this.fanOut = fanOut;
        this.repository = repository;
        this.writer = writer;
        this.singleFlight = singleFlight;
    }

    public Uni<ModerationReply> moderate(ModerationCommand command) {
        if (command.idempotencyKey().isEmpty()) {
            return classifyAndStore(command, UUID.randomUUID());
        }
        return singleFlight.answerOnce(command, policy(command).deadline(), id -> classifyAndStore(command, id));
    }

    public Uni<Optional<Moderation>> find(UUID id, String client) {
        return repository.findForClient(id, client)
                .map(entity -> Optional.ofNullable(entity).map(ModerationRecords::fromEntity));
    }

    private Uni<ModerationReply> classifyAndStore(ModerationCommand command, UUID id) {
        PoliciesConfig.Policy policy = policy(command);
        Instant createdAt = now();
        ModerationPlan plan = planner.plan(policy, command.input());
        Executor requestContext = VertxContexts.current();
        return fanOut.run(policy, plan, id.toString(), createdAt.plus(policy.deadline()))
                .emitOn(requestContext)
                .map(results -> assemble(id, command.policy(), policy, plan, results, createdAt))
                .chain(moderation -> store(moderation, command));
    }

    /** The validator resolved the policy already. */
    private PoliciesConfig.Policy policy(ModerationCommand command) {
        return policies.find(command.policy()).orElseThrow();
    }

    private static Moderation assemble(UUID id, String policyName, PoliciesConfig.Policy policy, ModerationPlan plan,
            List<ProviderResult> called, Instant createdAt) {
        Map<String, ProviderResult> byProvider = new HashMap<>();
        plan.skipped().forEach(result -> byProvider.put(result.provider(), result));
        called.forEach(result -> byProvider.put(result.provider(), result));
        List<ProviderResult> ordered = new ArrayList<>();
        policy.providers().forEach(provider -> ordered.add(byProvider.get(provider)));

        boolean degraded = FanOut.isDegraded(policy, plan, called);
        List<ProviderResult> answered = called.stream().filter(result -> result.outcome() == Outcome.OK).toList();
        DecisionMaker.Verdict verdict = DecisionMaker.decide(policy, ScoreAggregator.aggregate(answered), degraded);
        return new Moderation(id, policyName, verdict.decision(), verdict.categories(), ordered, degraded, createdAt,
                now());
    }

    private Uni<ModerationReply> store(Moderation moderation, ModerationCommand command) {
        return writer.insert(ModerationRecords.toEntity(moderation, command))
                .replaceWith(new ModerationReply(moderation, false));
    }

    /** PostgreSQL keeps microseconds; an answer must carry exactly what a later read returns. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
