package dev.warden.reports;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

import dev.warden.spi.reporting.BatchReportingAdapter;
import dev.warden.spi.reporting.ReportFormat;

/**
 * The one way a report is created, whoever asks (the API now; policy and review triggers later): checked against
 * Warden's shape and the partner's rules, then stored with its files and its delivery row in one statement. A
 * report that breaks a rule is refused and nothing is stored, unless a draft is asked for: a draft keeps its problems
 * for an operator and queues nothing. The partner key (DSA {@code puid}) and the idempotency key make a repeat
 * answer the stored report.
 */
@ApplicationScoped
public class ReportCreation {

    private final ReportingPartners partners;
    private final ReportValidation validation;
    private final ReportWriter writer;
    private final ReportMetrics metrics;

    ReportCreation(ReportingPartners partners, ReportValidation validation, ReportWriter writer,
            ReportMetrics metrics) {
        this.partners = partners;
        this.validation = validation;
        this.writer = writer;
        this.metrics = metrics;
    }

    /** What to create. {@code content} is the request's {@code statementOfReasons} or {@code cybertip} object. */
    public record CreateReport(String client, Optional<String> idempotencyKey, String partner, ReportFormat format,
            JsonNode content, ReportSource source, Optional<UUID> moderationId, boolean draft) {
    }

    /** What creating a report came to. */
    public sealed interface Created {
        /** Stored: {@code queued} with its delivery row, or a {@code draft}. */
        record New(UUID id, ReportStatus status) implements Created {
        }

        /** The same report was stored before (same partner key or idempotency key, same content and client). */
        record Repeat(UUID id) implements Created {
        }

        /** Another report holds the partner key, idempotency key or trigger. */
        record Conflict(UUID existing) implements Created {
        }

        /** Problems with the report, by request field; nothing stored. */
        record Invalid(List<ReportProblem> problems) implements Created {
        }

        record UnknownPartner(Set<String> known) implements Created {
        }

        /** The report is not in the partner's format. */
        record WrongFormat(ReportFormat expected) implements Created {
        }
    }

    public Uni<Created> create(CreateReport command) {
        Optional<ReportingPartner> found = partners.find(command.partner());
        if (found.isEmpty()) {
            return Uni.createFrom().item(new Created.UnknownPartner(partners.ids()));
        }
        ReportingPartner partner = found.get();
        if (partner.descriptor().format() != command.format()) {
            return Uni.createFrom().item(new Created.WrongFormat(partner.descriptor().format()));
        }
        List<ReportProblem> problems = validation.problems(partner, command.content());
        if (!problems.isEmpty() && !command.draft()) {
            return Uni.createFrom().item(new Created.Invalid(problems));
        }
        return linkable(command).chain(linked -> {
            if (!linked) {
                return Uni.createFrom().item(new Created.Invalid(List.of(new ReportProblem("moderationId",
                        "no moderation " + command.moderationId().orElseThrow()))));
            }
            NewReport report = checked(UUID.randomUUID(), command.client(), partner, command.content(),
                    command.source(), command.moderationId(), command.idempotencyKey(), problems, command.draft());
            return writer.insert(report).chain(inserted -> inserted.<Uni<Created>>map(id -> {
                metrics.created(partner.id(), command.source());
                return Uni.createFrom().item(new Created.New(id, report.status()));
            }).orElseGet(() -> repeatOrConflict(report)));
        });
    }

    /**
     * The report as it will be stored: queued with a new delivery row, or a draft (asked for, or with problems). A
     * statement of reasons always has a partner key (the schema says so); a draft without a usable {@code puid} holds
     * its own id until it is confirmed with one.
     */
    NewReport checked(UUID id, String client, ReportingPartner partner, JsonNode content, ReportSource source,
            Optional<UUID> moderationId, Optional<String> idempotencyKey, List<ReportProblem> problems,
            boolean draft) {
        ReportFormat format = partner.descriptor().format();
        Optional<String> partnerKey = Optional.empty();
        if (partner.adapter() instanceof BatchReportingAdapter batch) {
            partnerKey = Optional.of(problems.isEmpty() ? batch.partnerKey(content)
                    : content.path("puid").isTextual() ? content.path("puid").asText() : id.toString());
        }
        return new NewReport(id, client, partner.id(), format, source, moderationId, partnerKey, idempotencyKey,
                ReportDigest.of(partner.id(), content), content, partner.adapter().rules().version(), problems,
                problems.isEmpty() && !draft ? Optional.of(UUID.randomUUID()) : Optional.empty(),
                problems.isEmpty() ? EvidenceRow.of(format, content) : List.of());
    }

    private Uni<Boolean> linkable(CreateReport command) {
        return command.moderationId().map(writer::moderationExists).orElseGet(() -> Uni.createFrom().item(true));
    }

    private Uni<Created> repeatOrConflict(NewReport report) {
        return writer.existing(report).map(existing -> existing
                .<Created>map(stored -> stored.sha256().equals(report.sha256())
                        && stored.client().equals(report.client()) ? new Created.Repeat(stored.id())
                                : new Created.Conflict(stored.id()))
                .orElseThrow(() -> new IllegalStateException("report " + report.id()
                        + " was refused by a unique index, but no report holds its keys")));
    }
}
