package dev.warden.moderation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.warden.config.PoliciesConfig;
import dev.warden.persistence.ModerationEntity;
import dev.warden.persistence.ModerationRepository;
import dev.warden.persistence.ModerationWriter;
import dev.warden.persistence.QueuedWork;
import dev.warden.persistence.ReviewRepository;

/**
 * The moderation flow: a request with an Idempotency-Key is answered once per key ({@link SingleFlight}). A sync
 * request is classified inline and stored completed, in one write with the review request its decision may call for,
 * before the answer. An async request is stored
 * pending, in one write with its job, before the answer; the job ({@link ModerationJob}) classifies it later.
 */
@ApplicationScoped
public class ModerationService {

    private final PolicyCatalog policies;
    private final Classification classification;
    private final ModerationRepository repository;
    private final ModerationWriter writer;
    private final SingleFlight singleFlight;
    private final ReviewRequests reviews;
    private final ReviewRepository reviewRepository;
    private final ReportTriggers reports;
    private final ClientPolicies clientPolicies;

    ModerationService(PolicyCatalog policies, Classification classification, ModerationRepository repository,
            ModerationWriter writer, SingleFlight singleFlight, ReviewRequests reviews,
            ReviewRepository reviewRepository, ReportTriggers reports, ClientPolicies clientPolicies) {
        this.policies = policies;
        this.clientPolicies = clientPolicies;
        this.classification = classification;
        this.repository = repository;
        this.writer = writer;
        this.singleFlight = singleFlight;
        this.reviews = reviews;
        this.reviewRepository = reviewRepository;
        this.reports = reports;
    }

    /** Fails with {@link PolicyNotAllowedException} before anything is stored when the client may not use the policy. */
    public Uni<ModerationReply> moderate(ModerationCommand command) {
        Optional<PolicyNotAllowedException> refused = clientPolicies.refusal(command.client(), command.policy());
        if (refused.isPresent()) {
            return Uni.createFrom().failure(refused.get());
        }
        boolean async = command.mode() == ModerationMode.ASYNC;
        Function<UUID, Uni<ModerationReply>> answer = async ? id -> accept(command, id)
                : id -> classifyAndStore(command, id);
        if (command.idempotencyKey().isEmpty()) {
            return answer.apply(UUID.randomUUID());
        }
        // Answering an async request is only storing it: nothing to wait for before the insert.
        return singleFlight.answerOnce(command, async ? Duration.ZERO : policy(command).deadline(), answer);
    }

    /** The client's moderation, with its review when one was requested. */
    public Uni<Optional<Moderation>> find(UUID id, String client) {
        return repository.findForClient(id, client).chain(entity -> entity == null
                ? Uni.createFrom().item(Optional.empty())
                : reviewRepository.findFor(id)
                        .map(review -> Optional.of(ModerationRecords.fromEntity(entity, review))));
    }

    private Uni<ModerationReply> classifyAndStore(ModerationCommand command, UUID id) {
        PoliciesConfig.Policy policy = policy(command);
        return classification.run(id, command.policy(), policy, policy.providers(), command.input(),
                Classification.now(), FanOutProgress.NONE)
                .chain(decided -> {
                    ModerationEntity.StoredContent content = ModerationRecords.content(command.input());
                    Optional<ReviewRequests.Requested> review = reviews.of(decided, policy, content,
                            command.context());
                    Moderation moderation = review.map(ReviewRequests.Requested::moderation).orElse(decided);
                    List<QueuedWork> followUps = new ArrayList<>();
                    review.ifPresent(requested -> followUps.add(requested.work()));
                    followUps.addAll(reports.ofDecision(decided, policy, content));
                    return writer.insert(ModerationRecords.toEntity(moderation, command), followUps)
                            .replaceWith(new ModerationReply(moderation, false));
                });
    }

    /** Stores the moderation pending, with its content and its job, in one statement; answered after the commit. */
    private Uni<ModerationReply> accept(ModerationCommand command, UUID id) {
        Moderation pending = Moderation.pending(id, command.policy(), policy(command).providers(),
                Classification.now());
        QueuedWork job = new QueuedWork(UUID.randomUUID(), ModerationJob.KIND, ModerationJob.DESTINATION,
                ModerationJob.PAYLOAD);
        return writer.insertPending(ModerationRecords.toEntity(pending, command), job)
                .replaceWith(new ModerationReply(pending, false));
    }

    /** The validator resolved the policy already. */
    private PoliciesConfig.Policy policy(ModerationCommand command) {
        return policies.find(command.policy()).orElseThrow();
    }
}
