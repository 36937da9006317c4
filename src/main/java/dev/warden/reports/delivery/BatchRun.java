package dev.warden.reports.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.warden.reports.ReportingPartner;
import dev.warden.reports.delivery.DeliveryRows.Acceptance;
import dev.warden.reports.delivery.ReportAttempts.Attempt;
import dev.warden.spi.reporting.BatchAnswer;
import dev.warden.spi.reporting.BatchReportingAdapter;
import dev.warden.spi.reporting.Exchange;
import dev.warden.spi.reporting.OutgoingReport;
import dev.warden.work.AttemptResult;

/**
 * Sends a group of reports to a batch partner (DSA) in as few calls as its answers allow. The partner takes a call
 * all or nothing, so when it refuses some items the rest go again at once: items it names as invalid fail with its
 * message, keys it calls duplicates become {@code accepted-duplicate} and are confirmed later ({@code report-confirm}),
 * and a refusal that names no item is split in halves until the bad items stand alone. One call is in flight per group
 * and a report is in one group at a time, so no key is ever in two calls at once. A further call starts only when
 * every row's lease still covers it; otherwise the rest continue at the next attempt.
 */
@ApplicationScoped
class BatchRun {

    static final String STEP = "submit-batch";
    private static final String CREATED = "created";
    private static final String REFUSED_WITH_THE_BATCH = "refused with its batch because of other items; sent again";

    private final PartnerCall call;
    private final DeliveryRows rows;
    private final ReportAttempts attempts;
    private final DeliveryMetrics metrics;

    BatchRun(PartnerCall call, DeliveryRows rows, ReportAttempts attempts, DeliveryMetrics metrics) {
        this.call = call;
        this.rows = rows;
        this.attempts = attempts;
        this.metrics = metrics;
    }

    /** One result per entry's outbox row id. */
    Uni<Map<UUID, AttemptResult>> run(ReportingPartner partner, BatchReportingAdapter adapter,
            List<BatchEntry> entries) {
        Run run = new Run(partner, adapter);
        return run.send(entries).replaceWith(run.results);
    }

    private final class Run {

        private final ReportingPartner partner;
        private final BatchReportingAdapter adapter;
        private final Map<UUID, AttemptResult> results = new HashMap<>();
        private int calls;

        Run(ReportingPartner partner, BatchReportingAdapter adapter) {
            this.partner = partner;
            this.adapter = adapter;
        }

        Uni<Void> send(List<BatchEntry> entries) {
            if (entries.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            if (calls > 0 && !leasesCoverACall(entries)) {
                entries.forEach(entry -> results.put(entry.item().id(), new AttemptResult.Retry(Optional.empty(),
                        "the lease ended before the batch was fully sent; the rest continue at the next attempt",
                        Optional.of(Duration.ZERO))));
                return Uni.createFrom().voidItem();
            }
            calls++;
            metrics.batch(partner.id(), entries.size());
            List<OutgoingReport> batch = entries.stream().map(entry -> entry.report().outgoing()).toList();
            return call.<BatchAnswer>call(partner, STEP, () -> adapter.submit(batch))
                    .chain(result -> answered(entries, result));
        }

        private Uni<Void> answered(List<BatchEntry> entries, PartnerCall.Result<BatchAnswer> result) {
            if (result instanceof PartnerCall.Postponed<BatchAnswer> postponed) {
                entries.forEach(entry -> results.put(entry.item().id(), postponed.retry()));
                return record(entries, PartnerCall.WAIT_STEP, entry -> PartnerCall.RETRY,
                        entry -> postponed.exchange(), entry -> false, postponed);
            }
            if (result instanceof PartnerCall.Failed<BatchAnswer> failed) {
                if (failed.outcome().equals(PartnerCall.REJECTED)) {
                    return rejected(entries, failed.exchange(), failed);
                }
                entries.forEach(entry -> results.put(entry.item().id(), failed.retry()));
                return record(entries, STEP, entry -> failed.outcome(), entry -> failed.exchange(), entry -> true,
                        failed);
            }
            BatchAnswer answer = ((PartnerCall.Answered<BatchAnswer>) result).answer();
            if (answer instanceof BatchAnswer.Accepted accepted) {
                return accepted(entries, accepted, result);
            }
            if (answer instanceof BatchAnswer.Duplicates duplicates) {
                return duplicates(entries, duplicates, result);
            }
            if (answer instanceof BatchAnswer.ItemsInvalid invalid) {
                return invalid(entries, invalid, result);
            }
            return rejected(entries, answer.exchange(), result);
        }

        private Uni<Void> accepted(List<BatchEntry> entries, BatchAnswer.Accepted accepted,
                PartnerCall.Result<?> result) {
            metrics.exchange(partner.id(), STEP, "ok", result.took());
            List<Acceptance> acceptances = entries.stream().map(entry -> {
                Map<String, String> refs = accepted.refsByKey().getOrDefault(entry.key(), Map.of());
                return new Acceptance(entry.item(), entry.report().id(), CREATED, Map.copyOf(refs),
                        Optional.ofNullable(refs.get("uuid")));
            }).toList();
            Exchange exchange = accepted.exchange();
            entries.forEach(entry -> results.put(entry.item().id(), new AttemptResult.Done(exchange.httpStatus())));
            return record(entries, STEP, entry -> "ok", entry -> exchange, entry -> false, result)
                    .chain(() -> rows.accepted(acceptances))
                    .invoke(moved -> moved.forEach(id -> metrics.ended(partner.id(), "accepted", CREATED)))
                    .replaceWithVoid();
        }

        private Uni<Void> duplicates(List<BatchEntry> entries, BatchAnswer.Duplicates duplicates,
                PartnerCall.Result<?> result) {
            Set<String> keys = duplicates.keys();
            List<BatchEntry> named = entries.stream().filter(entry -> keys.contains(entry.key())).toList();
            if (named.isEmpty()) {
                return rejected(entries, duplicates.exchange(), result);
            }
            metrics.exchange(partner.id(), STEP, "duplicate", result.took());
            List<BatchEntry> rest = entries.stream().filter(entry -> !keys.contains(entry.key())).toList();
            Exchange exchange = duplicates.exchange();
            Exchange bystander = withMessage(exchange, REFUSED_WITH_THE_BATCH);
            named.forEach(entry -> results.put(entry.item().id(), new AttemptResult.Done(exchange.httpStatus())));
            Uni<Void> moved = Uni.createFrom().voidItem();
            for (BatchEntry entry : named) {
                moved = moved.chain(() -> rows.duplicate(entry.item(), entry.report().id(),
                        partner.settings().confirmAfter())).replaceWithVoid();
            }
            Uni<Void> confirming = moved;
            return record(entries, STEP, entry -> keys.contains(entry.key()) ? "duplicate"
                    : PartnerCall.RETRY, entry -> keys.contains(entry.key()) ? exchange : bystander, entry -> false,
                    result).chain(() -> confirming).chain(() -> send(rest));
        }

        private Uni<Void> invalid(List<BatchEntry> entries, BatchAnswer.ItemsInvalid invalid,
                PartnerCall.Result<?> result) {
            Map<BatchEntry, String> named = new HashMap<>();
            invalid.messageByIndex().forEach((index, message) -> {
                if (index >= 0 && index < entries.size()) {
                    named.put(entries.get(index), message);
                }
            });
            if (named.isEmpty()) {
                return rejected(entries, invalid.exchange(), result);
            }
            metrics.exchange(partner.id(), STEP, PartnerCall.REJECTED, result.took());
            List<BatchEntry> rest = entries.stream().filter(entry -> !named.containsKey(entry)).toList();
            Exchange exchange = invalid.exchange();
            Exchange bystander = withMessage(exchange, REFUSED_WITH_THE_BATCH);
            return record(entries, STEP,
                    entry -> named.containsKey(entry) ? PartnerCall.REJECTED : PartnerCall.RETRY,
                    entry -> named.containsKey(entry) ? withMessage(exchange, named.get(entry)) : bystander,
                    named::containsKey, result)
                    .chain(() -> fail(named, exchange))
                    .chain(() -> send(rest));
        }

        /** The call was refused without naming items: alone, the item is the bad one; else each half goes again. */
        private Uni<Void> rejected(List<BatchEntry> entries, Exchange exchange, PartnerCall.Result<?> result) {
            metrics.exchange(partner.id(), STEP, PartnerCall.REJECTED, result.took());
            if (entries.size() == 1) {
                Map<BatchEntry, String> alone = Map.of(entries.get(0), exchange.message());
                return record(entries, STEP, entry -> PartnerCall.REJECTED, entry -> exchange,
                        entry -> true, result).chain(() -> fail(alone, exchange));
            }
            int half = entries.size() / 2;
            Exchange splitting = withMessage(exchange, "the batch was refused without naming items ("
                    + exchange.message() + "); split in halves to find them");
            return record(entries, STEP, entry -> PartnerCall.RETRY, entry -> splitting,
                    entry -> false, result)
                    .chain(() -> send(entries.subList(0, half)))
                    .chain(() -> send(entries.subList(half, entries.size())));
        }

        private Uni<Void> fail(Map<BatchEntry, String> messages, Exchange exchange) {
            Uni<Void> failed = Uni.createFrom().voidItem();
            for (Map.Entry<BatchEntry, String> bad : messages.entrySet()) {
                BatchEntry entry = bad.getKey();
                results.put(entry.item().id(), new AttemptResult.Stop(exchange.httpStatus(), bad.getValue()));
                failed = failed.chain(() -> rows.failed(entry.item(), entry.report().id(), bad.getValue())
                        .invoke(landed -> {
                            if (landed) {
                                metrics.ended(partner.id(), "failed", "none");
                            }
                        })).replaceWithVoid();
            }
            return failed;
        }

        private Uni<Void> record(List<BatchEntry> entries, String step, Function<BatchEntry, String> outcome,
                Function<BatchEntry, Exchange> exchange, Predicate<BatchEntry> failed, PartnerCall.Result<?> result) {
            List<Attempt> list = new ArrayList<>();
            for (BatchEntry entry : entries) {
                list.add(new Attempt(entry.report().id(), entry.item().id(), result.startedAt(), result.took(), step,
                        Optional.empty(), Optional.of(entries.size()), outcome.apply(entry), exchange.apply(entry),
                        failed.test(entry)));
            }
            return attempts.record(list);
        }

        private boolean leasesCoverACall(List<BatchEntry> entries) {
            Duration needed = partner.settings().callBudget();
            return entries.stream().allMatch(entry -> entry.item().leaseLeft().compareTo(needed) > 0);
        }
    }

    private static Exchange withMessage(Exchange exchange, String message) {
        return new Exchange(exchange.httpStatus(), exchange.partnerCode(), exchange.requestId(), message);
    }
}
