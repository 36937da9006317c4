package dev.warden.reports;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

import dev.warden.persistence.SqlStates;
import dev.warden.spi.reporting.ReportFormat;

/**
 * What operators do to a stored report: {@code :retry} a failed or dead one, {@code :retract} a CyberTip before it is
 * finished, {@code :confirm} a draft. Each is one statement that also queues the work it calls for.
 */
@ApplicationScoped
public class ReportOperations {

    private static final String UNIQUE_VIOLATION = "23505";

    private final ReportingPartners partners;
    private final ReportValidation validation;
    private final ReportCreation creation;
    private final ReportRepository repository;
    private final ReportWriter writer;
    private final ObjectMapper json;

    ReportOperations(ReportingPartners partners, ReportValidation validation, ReportCreation creation,
            ReportRepository repository, ReportWriter writer, ObjectMapper json) {
        this.partners = partners;
        this.validation = validation;
        this.creation = creation;
        this.repository = repository;
        this.writer = writer;
        this.json = json;
    }

    /** What an operation came to. */
    public sealed interface Outcome {
        record Done() implements Outcome {
        }

        record Missing() implements Outcome {
        }

        /** The report's state (or its partner) does not allow the operation; {@code reason} says why. */
        record Refused(String reason) implements Outcome {
        }

        /** {@code :confirm}: the draft still has problems (stored with it). */
        record Invalid(List<ReportProblem> problems) implements Outcome {
        }

        /** {@code :confirm}: the replacement is not in the draft's format. */
        record WrongFormat(ReportFormat expected) implements Outcome {
        }

        /** {@code :confirm}: the replacement's partner key belongs to another report. */
        record Conflict() implements Outcome {
        }
    }

    public Uni<Outcome> retry(UUID report) {
        return writer.retry(report, UUID.randomUUID()).map(found -> found.<Outcome>map(retry -> {
            if (retry.move().moved()) {
                return new Outcome.Done();
            }
            if (retry.contentPurged()) {
                return new Outcome.Refused("Report " + report + " had its content purged by retention"
                        + " (warden.retention.report-content); file it again as a new report");
            }
            return new Outcome.Refused("Report " + report + " is " + retry.move().before().wireName()
                    + "; only a failed or dead report can be retried");
        }).orElseGet(Outcome.Missing::new));
    }

    public Uni<Outcome> retract(UUID report) {
        return writer.retract(report, UUID.randomUUID()).map(found -> found.<Outcome>map(retraction -> {
            if (retraction.withdrawn() || retraction.asked() || retraction.alreadyRetracting()) {
                return new Outcome.Done();
            }
            if (!retraction.format().equals(ReportFormat.CYBERTIP.wireName())) {
                return new Outcome.Refused("Report " + report + " is a statement of reasons: the DSA Transparency "
                        + "Database has no withdrawal");
            }
            return new Outcome.Refused("Report " + report + " is " + retraction.before().wireName()
                    + "; only a draft, queued or in-progress CyberTip can be retracted");
        }).orElseGet(Outcome.Missing::new));
    }

    /** {@code replacement}: the draft's corrected report in the draft's format, if the operator sent one. */
    public Uni<Outcome> confirm(UUID report, Optional<ReportFormat> replacementFormat, Optional<JsonNode> replacement) {
        return repository.find(report, Optional.empty()).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(new Outcome.Missing());
            }
            ReportView draft = found.get();
            if (draft.status() != ReportStatus.DRAFT) {
                return Uni.createFrom().item(new Outcome.Refused("Report " + report + " is "
                        + draft.status().wireName() + "; only a draft can be confirmed"));
            }
            Optional<ReportingPartner> partner = partners.find(draft.partner());
            if (partner.isEmpty()) {
                return Uni.createFrom().item(new Outcome.Refused("Report " + report + " is for partner '"
                        + draft.partner() + "', which is no longer configured"));
            }
            ReportFormat format = partner.get().descriptor().format();
            if (replacementFormat.isPresent() && replacementFormat.get() != format) {
                return Uni.createFrom().item(new Outcome.WrongFormat(format));
            }
            JsonNode content = replacement.orElseGet(() -> json.valueToTree(draft.content().orElseThrow().getMap()));
            return queue(draft, partner.get(), content);
        });
    }

    private Uni<Outcome> queue(ReportView draft, ReportingPartner partner, JsonNode content) {
        List<ReportProblem> problems = validation.problems(partner, content);
        if (!problems.isEmpty()) {
            return writer.keepProblems(draft.id(), problems).replaceWith(new Outcome.Invalid(problems));
        }
        NewReport checked = creation.checked(draft.id(), draft.client(), partner, content,
                ReportSource.of(draft.source()), draft.moderationId(), Optional.empty(), List.of(), false);
        return writer.confirm(draft.id(), checked)
                .map(moved -> moved.<Outcome>map(move -> move.moved() ? new Outcome.Done()
                        : new Outcome.Refused("Report " + draft.id() + " is " + move.before().wireName()
                                + "; only a draft can be confirmed"))
                        .orElseGet(Outcome.Missing::new))
                .onFailure(failure -> SqlStates.anyStartsWith(failure, UNIQUE_VIOLATION))
                .recoverWithItem(new Outcome.Conflict());
    }
}
