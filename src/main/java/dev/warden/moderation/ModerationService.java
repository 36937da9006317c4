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

import org.hibernate.JDBCException;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

import dev.warden.config.PoliciesConfig;
import dev.warden.persistence.ModerationEntity;
import dev.warden.persistence.ModerationRepository;
import dev.warden.persistence.ModerationWriter;
import dev.warden.persistence.VertxContexts;

/**
 * The moderation flow: replay a stored answer for a repeated Idempotency-Key, otherwise plan, call the providers in
 * parallel within the policy's deadline, aggregate, decide, and store everything before answering.
 */
@ApplicationScoped
public class ModerationService {

    private static final String UNIQUE_VIOLATION = "23505";

    private final PolicyCatalog policies;
    private final ModerationPlanner planner;
    private final FanOut fanOut;
    private final ModerationRepository repository;
    private final ModerationWriter writer;

    ModerationService(PolicyCatalog policies, ModerationPlanner planner, FanOut fanOut,
            ModerationRepository repository, ModerationWriter writer) {
        this.policies = policies;
        this.planner = planner;
        this.fanOut = fanOut;
        this.repository = repository;
        this.writer = writer;
    }

    public Uni<ModerationReply> moderate(ModerationCommand command) {
        if (command.idempotencyKey().isEmpty()) {
            return classifyAndStore(command);
        }
        String key = command.idempotencyKey().get();
        return repository.findByIdempotencyKey(command.client(), key)
                .chain(stored -> stored == null ? classifyAndStore(command) : Uni.createFrom().item(replay(stored, command)));
    }

    public Uni<Optional<Moderation>> find(UUID id, String client) {
        return repository.findForClient(id, client)
                .map(entity -> Optional.ofNullable(entity).map(ModerationRecords::fromEntity));
    }

    private Uni<ModerationReply> classifyAndStore(ModerationCommand command) {
        PoliciesConfig.Policy policy = policies.find(command.policy()).orElseThrow();
        Instant createdAt = now();
        UUID id = UUID.randomUUID();
        ModerationPlan plan = planner.plan(policy, command.input());
        Executor requestContext = VertxContexts.current();
        return fanOut.run(policy, plan, id.toString(), createdAt.plus(policy.deadline()))
                .emitOn(requestContext)
                .map(results -> assemble(id, command.policy(), policy, plan, results, createdAt))
                .chain(moderation -> store(moderation, command))
                .onFailure(ModerationService::isUniqueViolation)
                .recoverWithUni(() -> repository.findByIdempotencyKey(command.client(),
                        command.idempotencyKey().orElseThrow()).map(stored -> replay(stored, command)));
    }

    private static Moderation assemble(UUID id, String policyName, PoliciesConfig.Policy policy, ModerationPlan plan,
            List<ProviderResult> called, Instant createdAt) {
        Map<String, ProviderResult> byProvider = new HashMap<>();
        plan.skipped().forEach(result -> byProvider.put(result.provider(), result));
        called.forEach(result -> byProvider.put(result.provider(), result));
        List<ProviderResult> ordered = new ArrayList<>();
        policy.providers().forEach(provider -> ordered.add(byProvider.get(provider)));

        boolean degraded = !plan.uncovered().isEmpty() || FanOut.isDegraded(policy, called);
        List<ProviderResult> answered = called.stream().filter(result -> result.outcome() == Outcome.OK).toList();
        DecisionMaker.Verdict verdict = DecisionMaker.decide(policy, ScoreAggregator.aggregate(answered), degraded);
        return new Moderation(id, policyName, verdict.decision(), verdict.categories(), ordered, degraded, createdAt,
                now());
    }

    private Uni<ModerationReply> store(Moderation moderation, ModerationCommand command) {
        return writer.insert(ModerationRecords.toEntity(moderation, command))
                .replaceWith(new ModerationReply(moderation, false));
    }

    private static ModerationReply replay(ModerationEntity stored, ModerationCommand command) {
        if (!stored.requestSha256.equals(command.requestSha256())) {
            throw new IdempotencyConflictException(command.idempotencyKey().orElseThrow());
        }
        return new ModerationReply(ModerationRecords.fromEntity(stored), true);
    }

    /** PostgreSQL keeps microseconds; an answer must carry exactly what a later read returns. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if ((cause instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState()))
                    || (cause instanceof JDBCException jdbc && UNIQUE_VIOLATION.equals(jdbc.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
