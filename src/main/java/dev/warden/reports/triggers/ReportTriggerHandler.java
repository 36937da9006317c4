package dev.warden.reports.triggers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.warden.moderation.ReportTriggers;
import dev.warden.persistence.DatabaseCalls;
import dev.warden.reports.ReportCreation;
import dev.warden.reports.ReportCreation.CreateReport;
import dev.warden.reports.ReportCreation.Created;
import dev.warden.reports.ReportSource;
import dev.warden.spi.reporting.ReportFormat;
import dev.warden.work.AttemptResult;
import dev.warden.work.WorkHandler;
import dev.warden.work.WorkItem;

/**
 * Files the report a {@code report-trigger} row asks for: reads its moderation (owner, policy, context, time), builds
 * the report from the rule's template ({@link ReportContent}) and creates it through {@link ReportCreation}, the one
 * insert path. A report the partner's rules refuse is stored as a draft with its problems for an operator, never
 * dropped. The same trigger run twice files one report: a moderation has at most one report per partner from
 * triggers (unique index {@code report_from_moderation}).
 */
@ApplicationScoped
public class ReportTriggerHandler implements WorkHandler {

    private static final String MODERATION = """
            select client_name, policy, context, created_at from moderation where id = $1
            """;

    private final Pool pool;
    private final DatabaseCalls calls;
    private final ReportRules rules;
    private final ReportCreation creation;

    ReportTriggerHandler(Pool pool, DatabaseCalls calls, ReportRules rules, ReportCreation creation) {
        this.pool = pool;
        this.calls = calls;
        this.rules = rules;
        this.creation = creation;
    }

    @Override
    public String kind() {
        return ReportTriggers.KIND;
    }

    @Override
    public Uni<AttemptResult> attempt(WorkItem item) {
        JsonObject payload = item.payload();
        String partner = payload.getString("partner");
        boolean review = "review".equals(payload.getString("trigger"));
        UUID moderationId = item.subjectId().orElseThrow();
        return calls.statement(pool.preparedQuery(MODERATION).execute(Tuple.of(moderationId))).chain(rows -> {
            if (!rows.iterator().hasNext()) {
                return Uni.createFrom().item(AttemptResult.stop("moderation " + moderationId + " is gone"));
            }
            Row moderation = rows.iterator().next();
            String policy = moderation.getString("policy");
            Optional<ReportRules.Rule> rule = rules.find(policy, partner);
            if (rule.isEmpty()) {
                return Uni.createFrom().item(AttemptResult.stop("policy '" + policy
                        + "' no longer files reports to '" + partner + "'"));
            }
            return file(item, review, moderationId, moderation, rule.get());
        });
    }

    /**
     * A decision's row carries its content's parts; a review's has none (the content was dropped once the desk took
     * it), so the operator adds the evidence to the draft.
     */
    private Uni<AttemptResult> file(WorkItem item, boolean review, UUID moderationId, Row moderation,
            ReportRules.Rule rule) {
        JsonObject payload = item.payload();
        TriggerFacts facts = new TriggerFacts(moderationId, review ? TriggerFacts.Trigger.REVIEW
                : TriggerFacts.Trigger.DECISION, strings(payload.getJsonArray("categories")),
                parts(payload.getJsonArray("parts")), moderation.getOffsetDateTime("created_at").toInstant(),
                item.createdAt(), context(moderation.getJsonObject("context")));
        ReportFormat format = rule.partner().adapter().format();
        CreateReport command = new CreateReport(moderation.getString("client_name"), Optional.empty(),
                payload.getString("partner"), format, ReportContent.build(format, facts, rule.template()),
                review ? ReportSource.REVIEW : ReportSource.POLICY, Optional.of(moderationId), rule.draft());
        return creation.create(command).chain(created -> created instanceof Created.Invalid
                ? creation.create(asDraft(command)) : Uni.createFrom().item(created))
                .map(ReportTriggerHandler::result);
    }

    private static CreateReport asDraft(CreateReport command) {
        return new CreateReport(command.client(), command.idempotencyKey(), command.partner(), command.format(),
                command.content(), command.source(), command.moderationId(), true);
    }

    private static AttemptResult result(Created created) {
        if (created instanceof Created.Invalid invalid) {
            return AttemptResult.stop("the report breaks the partner's rules even as a draft: "
                    + invalid.problems());
        }
        if (created instanceof Created.UnknownPartner unknown) {
            return AttemptResult.stop("no such reporting partner; configured: " + unknown.known());
        }
        if (created instanceof Created.WrongFormat wrong) {
            return AttemptResult.stop("the partner takes " + wrong.expected().wireName());
        }
        // New, Repeat (this trigger ran before) or Conflict (the moderation's report to this partner exists).
        return AttemptResult.done();
    }

    private static List<TriggerFacts.Part> parts(JsonArray stored) {
        List<TriggerFacts.Part> parts = new ArrayList<>();
        if (stored != null) {
            stored.forEach(entry -> {
                JsonObject part = (JsonObject) entry;
                parts.add(new TriggerFacts.Part(part.getString("type"), Optional.ofNullable(part.getString("url"))));
            });
        }
        return parts;
    }

    private static List<String> strings(JsonArray array) {
        return array == null ? List.of() : array.stream().map(String::valueOf).toList();
    }

    private static Map<String, String> context(JsonObject context) {
        Map<String, String> values = new HashMap<>();
        if (context != null) {
            context.forEach(entry -> values.put(entry.getKey(), String.valueOf(entry.getValue())));
        }
        return values;
    }
}
