package dev.warden.api;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

import dev.warden.api.auth.CallerHolder;
import dev.warden.api.auth.Client;
import dev.warden.api.auth.RequiresScope;
import dev.warden.api.auth.Scope;
import dev.warden.api.generated.ReportsApi;
import dev.warden.api.generated.model.Report;
import dev.warden.api.generated.model.ReportList;
import dev.warden.api.generated.model.ReportReplacement;
import dev.warden.api.generated.model.ReportRequest;
import dev.warden.api.problems.FieldProblem;
import dev.warden.api.problems.ProblemException;
import dev.warden.api.problems.ProblemTypes;
import dev.warden.reports.ReportCreation;
import dev.warden.reports.ReportCreation.Created;
import dev.warden.reports.ReportOperations;
import dev.warden.reports.ReportOperations.Outcome;
import dev.warden.reports.ReportProblem;
import dev.warden.reports.ReportQuery;
import dev.warden.reports.ReportRepository;
import dev.warden.reports.ReportSource;
import dev.warden.reports.ReportStatus;
import dev.warden.spi.reporting.ReportFormat;
import dev.warden.work.DeliveryCursor;

/**
 * {@code /v1/reports}: file reports with reporting partners, read them with every attempt, and (operators) retry,
 * retract and confirm them. Scope {@code report} sees its own client's reports, {@code admin} everyone's.
 */
@RequiresScope({ Scope.REPORT, Scope.ADMIN })
public class ReportsResource implements ReportsApi {

    private static final String PATH = "/v1/reports/";
    private static final int MAX_KEY_LENGTH = 255;

    private final ReportCreation creation;
    private final ReportOperations operations;
    private final ReportRepository repository;
    private final CallerHolder caller;
    private final ObjectMapper json;

    ReportsResource(ReportCreation creation, ReportOperations operations, ReportRepository repository,
            CallerHolder caller, ObjectMapper json) {
        this.creation = creation;
        this.operations = operations;
        this.repository = repository;
        this.caller = caller;
        this.json = json;
    }

    @Override
    public Uni<Response> createReport(ReportRequest request, String idempotencyKey) {
        Client client = caller.client();
        return Uni.createFrom().item(() -> command(request, idempotencyKey, client.name()))
                .chain(creation::create)
                .chain(created -> created(request.getPartner(), created));
    }

    private Uni<Response> created(String partner, Created created) {
        if (created instanceof Created.New made) {
            return read(made.id()).map(report -> Response.accepted(report)
                    .header(HttpHeaders.LOCATION, PATH + made.id()).build());
        }
        if (created instanceof Created.Repeat repeat) {
            return read(repeat.id()).map(report -> Response.ok(report).build());
        }
        if (created instanceof Created.Conflict conflict) {
            throw new ProblemException(409, ProblemTypes.REPORT_CONFLICT, "Report conflict", "Report "
                    + conflict.existing() + " has this partner key or Idempotency-Key with another report");
        }
        if (created instanceof Created.Invalid invalid) {
            throw invalid(invalid.problems());
        }
        if (created instanceof Created.UnknownPartner unknown) {
            throw new ProblemException(422, ProblemTypes.UNKNOWN_PARTNER, "Unknown partner", "No reporting partner '"
                    + partner + "'; known: " + unknown.known(),
                    List.of(new FieldProblem("partner", "unknown reporting partner")));
        }
        throw wrongFormat(partner, ((Created.WrongFormat) created).expected());
    }

    @Override
    public Uni<Response> getReport(String id) {
        return Uni.createFrom().item(() -> PageParameters.uuid(id))
                .chain(report -> repository.find(report, ownOnly()))
                .map(found -> Response.ok(ReportRendering.detailed(found.orElseThrow(() -> notFound(id)))).build());
    }

    @Override
    public Uni<Response> listReports(String partner, String status, String format, String createdAfter,
            String createdBefore, String olderThan, String limit, String cursor) {
        return Uni.createFrom().item(() -> query(partner, status, format, createdAfter, createdBefore, olderThan,
                limit, cursor))
                .chain(repository::list)
                .map(page -> Response.ok(new ReportList()
                        .reports(page.reports().stream().map(ReportRendering::summary).toList())
                        .next(page.next().map(DeliveryCursor::encode).orElse(null))).build());
    }

    @Override
    @RequiresScope(Scope.ADMIN)
    public Uni<Response> retryReport(String id) {
        return Uni.createFrom().item(() -> PageParameters.uuid(id)).chain(operations::retry)
                .chain(outcome -> answer(id, outcome, ProblemTypes.REPORT_NOT_RETRYABLE, "Report not retryable"));
    }

    @Override
    @RequiresScope(Scope.ADMIN)
    public Uni<Response> retractReport(String id) {
        return Uni.createFrom().item(() -> PageParameters.uuid(id)).chain(operations::retract)
                .chain(outcome -> answer(id, outcome, ProblemTypes.REPORT_NOT_RETRACTABLE,
                        "Report not retractable"));
    }

    @Override
    @RequiresScope(Scope.ADMIN)
    public Uni<Response> confirmReport(String id, ReportReplacement replacement) {
        return Uni.createFrom().item(() -> PageParameters.uuid(id)).chain(report -> {
            Optional<ReportFormat> format = replacementFormat(replacement);
            Optional<JsonNode> content = format.map(chosen -> member(replacement, chosen));
            return operations.confirm(report, format, content);
        }).chain(outcome -> answer(id, outcome, ProblemTypes.REPORT_NOT_DRAFT, "Report not a draft"));
    }

    private Uni<Response> answer(String id, Outcome outcome, String refusedType, String refusedTitle) {
        if (outcome instanceof Outcome.Done) {
            return read(PageParameters.uuid(id)).map(report -> Response.accepted(report).build());
        }
        if (outcome instanceof Outcome.Refused refused) {
            throw new ProblemException(409, refusedType, refusedTitle, refused.reason());
        }
        if (outcome instanceof Outcome.Invalid invalid) {
            throw invalid(invalid.problems());
        }
        if (outcome instanceof Outcome.WrongFormat wrong) {
            throw new ProblemException(422, ProblemTypes.WRONG_FORMAT, "Wrong report format",
                    "This draft takes a " + wrong.expected().requestField(),
                    List.of(new FieldProblem(wrong.expected().requestField(), "is required for this draft")));
        }
        if (outcome instanceof Outcome.Conflict) {
            throw new ProblemException(409, ProblemTypes.REPORT_CONFLICT, "Report conflict",
                    "Another report has this partner key");
        }
        throw notFound(id);
    }

    private ReportCreation.CreateReport command(ReportRequest request, String idempotencyKey, String client) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request == null) {
            throw ProblemException.invalid(List.of(new FieldProblem("body", "is required")));
        }
        if (request.getPartner() == null || request.getPartner().isBlank()) {
            problems.add(new FieldProblem("partner", "is required"));
        }
        if (idempotencyKey != null && (idempotencyKey.isEmpty() || idempotencyKey.length() > MAX_KEY_LENGTH)) {
            problems.add(new FieldProblem("Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH + " characters"));
        }
        boolean statement = present(request.getStatementOfReasons());
        boolean cybertip = present(request.getCybertip());
        if (statement == cybertip) {
            problems.add(new FieldProblem(statement ? "cybertip" : "statementOfReasons",
                    statement ? "exactly one of statementOfReasons and cybertip is allowed"
                            : "exactly one of statementOfReasons and cybertip is required, with its members"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        ReportFormat format = statement ? ReportFormat.STATEMENT_OF_REASONS : ReportFormat.CYBERTIP;
        return new ReportCreation.CreateReport(client, Optional.ofNullable(idempotencyKey), request.getPartner(),
                format, json.valueToTree(statement ? request.getStatementOfReasons() : request.getCybertip()),
                ReportSource.API, Optional.ofNullable(request.getModerationId()), false);
    }

    private static Optional<ReportFormat> replacementFormat(ReportReplacement replacement) {
        if (replacement == null) {
            return Optional.empty();
        }
        boolean statement = present(replacement.getStatementOfReasons());
        boolean cybertip = present(replacement.getCybertip());
        if (statement && cybertip) {
            throw ProblemException.invalid(List.of(new FieldProblem("cybertip",
                    "at most one of statementOfReasons and cybertip")));
        }
        return statement ? Optional.of(ReportFormat.STATEMENT_OF_REASONS)
                : cybertip ? Optional.of(ReportFormat.CYBERTIP) : Optional.empty();
    }

    private JsonNode member(ReportReplacement replacement, ReportFormat format) {
        return json.valueToTree(format == ReportFormat.STATEMENT_OF_REASONS ? replacement.getStatementOfReasons()
                : replacement.getCybertip());
    }

    /** The generated model starts both members as empty maps: an absent member and {@code {}} look the same. */
    private static boolean present(Map<String, Object> member) {
        return member != null && !member.isEmpty();
    }

    private ReportQuery query(String partner, String status, String format, String createdAfter,
            String createdBefore, String olderThan, String limit, String cursor) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<ReportStatus> wantedStatus = Optional.ofNullable(status).flatMap(ReportStatus::fromWireName);
        if (status != null && wantedStatus.isEmpty()) {
            problems.add(new FieldProblem("status", "must be one of: draft, queued, in_progress, submitted, "
                    + "accepted, failed, dead, retracted"));
        }
        if (format != null && ReportFormat.fromWireName(format).isEmpty()) {
            problems.add(new FieldProblem("format", "must be statement_of_reasons or cybertip"));
        }
        if (partner != null && partner.length() > DeliveriesResource.MAX_FILTER_LENGTH) {
            problems.add(new FieldProblem("partner", "must be at most " + DeliveriesResource.MAX_FILTER_LENGTH
                    + " characters"));
        }
        Optional<Instant> after = instant(problems, "createdAfter", createdAfter);
        Optional<Instant> before = instant(problems, "createdBefore", createdBefore);
        Optional<Instant> olderThanCutoff = age(problems, olderThan).map(age -> Instant.now().minus(age));
        Optional<Instant> cutoff = olderThanCutoff.isPresent() && before.isPresent()
                ? Optional.of(olderThanCutoff.get().isBefore(before.get()) ? olderThanCutoff.get() : before.get())
                : olderThanCutoff.or(() -> before);
        int pageSize = PageParameters.limit(problems, limit);
        Optional<DeliveryCursor> page = PageParameters.cursor(problems, cursor);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return new ReportQuery(ownOnly(), Optional.ofNullable(partner), wantedStatus, Optional.ofNullable(format),
                after, cutoff, page, pageSize);
    }

    private static Optional<Instant> instant(List<FieldProblem> problems, String field, String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be an ISO-8601 date-time with offset, e.g. "
                    + "2026-12-01T00:00:00Z"));
            return Optional.empty();
        }
    }

    private static Optional<Duration> age(List<FieldProblem> problems, String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            Duration age = Duration.parse(text);
            if (!age.isNegative()) {
                return Optional.of(age);
            }
        } catch (DateTimeParseException e) {
            // answered below, like a negative age
        }
        problems.add(new FieldProblem("olderThan", "must be an ISO-8601 duration such as PT1H"));
        return Optional.empty();
    }

    /** Scope {@code report} without {@code admin}: only the caller's own reports. */
    private Optional<String> ownOnly() {
        Client client = caller.client();
        return client.scopes().contains(Scope.ADMIN) ? Optional.empty() : Optional.of(client.name());
    }

    private Uni<Report> read(UUID id) {
        return repository.find(id, Optional.empty()).map(found -> ReportRendering.detailed(found.orElseThrow(
                () -> notFound(id.toString()))));
    }

    private static ProblemException invalid(List<ReportProblem> problems) {
        return ProblemException.invalid(problems.stream()
                .map(problem -> new FieldProblem(problem.field(), problem.message())).toList());
    }

    private static ProblemException wrongFormat(String partner, ReportFormat expected) {
        return new ProblemException(422, ProblemTypes.WRONG_FORMAT, "Wrong report format", "Partner '" + partner
                + "' takes a " + expected.requestField(),
                List.of(new FieldProblem(expected.requestField(), "is required for partner '" + partner + "'")));
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(404, ProblemTypes.NOT_FOUND, "Not found", "No report " + id);
    }

}
