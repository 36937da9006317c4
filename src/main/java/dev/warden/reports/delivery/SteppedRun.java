package dev.warden.reports.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.warden.providers.EvidenceFetcher;
import dev.warden.providers.EvidenceRefused;
import dev.warden.reports.ReportingPartner;
import dev.warden.reports.delivery.DeliveryRows.Acceptance;
import dev.warden.reports.delivery.StoredReport.StoredFile;
import dev.warden.spi.ProviderException;
import dev.warden.spi.reporting.EvidenceFile;
import dev.warden.spi.reporting.Exchange;
import dev.warden.spi.reporting.StepAnswer;
import dev.warden.spi.reporting.SteppedReportingAdapter;
import dev.warden.work.AttemptResult;
import dev.warden.work.WorkItem;

/**
 * Delivers one report to a stepped partner (NCMEC): open, upload each file, describe each file, finish. Each id the
 * partner answers is stored, fenced by the row's lease, before the next step starts, so the next attempt (in this
 * process or another) resumes at the first step not stored and never opens a second report. Before a report is
 * opened every evidence file is fetched and checked against its hashes: no report is opened for evidence Warden cannot
 * send. A step starts only while the lease still covers it; otherwise the attempt ends and the next one resumes.
 * A rejection after opening stops the row, and the row's end queues a retract of the open report
 * ({@link Abandonment}): a partial report is worse than none.
 */
@ApplicationScoped
class SteppedRun {

    private static final String OK = "ok";
    private static final String UNTYPED = "application/octet-stream";

    private final PartnerCall call;
    private final DeliveryRows rows;
    private final ReportAttempts attempts;
    private final DeliveryMetrics metrics;
    private final EvidenceFetcher evidence;

    SteppedRun(PartnerCall call, DeliveryRows rows, ReportAttempts attempts, DeliveryMetrics metrics,
            EvidenceFetcher evidence) {
        this.call = call;
        this.rows = rows;
        this.attempts = attempts;
        this.metrics = metrics;
        this.evidence = evidence;
    }

    Uni<AttemptResult> run(ReportingPartner partner, SteppedReportingAdapter adapter, WorkItem item,
            StoredReport report) {
        return new Run(partner, adapter, item, report).start();
    }

    /** How a step ended: {@code next} empty means go on; else the attempt's result. */
    private record Step(Optional<AttemptResult> end) {

        static final Step ON = new Step(Optional.empty());

        static Step end(AttemptResult result) {
            return new Step(Optional.of(result));
        }
    }

    private final class Run {

        private final ReportingPartner partner;
        private final SteppedReportingAdapter adapter;
        private final WorkItem item;
        private final StoredReport report;
        /** Files uploaded by this attempt, by position: described later in the same attempt. */
        private final Map<Integer, String> uploadedIds = new HashMap<>();
        private String partnerReportId;
        private Instant openedAt;

        Run(ReportingPartner partner, SteppedReportingAdapter adapter, WorkItem item, StoredReport report) {
            this.partner = partner;
            this.adapter = adapter;
            this.item = item;
            this.report = report;
            this.partnerReportId = report.partnerReportId().orElse(null);
            this.openedAt = report.openedAt().orElse(null);
        }

        Uni<AttemptResult> start() {
            Uni<Step> chain = partnerReportId == null ? checkEvidence().chain(step -> then(step, this::open))
                    : Uni.createFrom().item(Step.ON);
            for (StoredFile file : report.files()) {
                if (file.fileId().isEmpty()) {
                    chain = chain.chain(step -> then(step, () -> upload(file)));
                }
            }
            for (StoredFile file : report.files()) {
                if (!file.described()) {
                    chain = chain.chain(step -> then(step, () -> describe(file)));
                }
            }
            return chain.chain(step -> then(step, this::finish))
                    .map(step -> step.end().orElseGet(AttemptResult::done));
        }

        private Uni<Step> then(Step previous, Supplier<Uni<Step>> next) {
            return previous.end().isPresent() ? Uni.createFrom().item(previous) : next.get();
        }

        /** Every file fetched and checked, one at a time (one file in memory per report), before anything opens. */
        private Uni<Step> checkEvidence() {
            Uni<Step> chain = Uni.createFrom().item(Step.ON);
            for (StoredFile file : report.files()) {
                chain = chain.chain(step -> then(step, () -> fetched(file, "evidence", fetched -> Uni.createFrom()
                        .item(Step.ON))));
            }
            return chain;
        }

        /** Fetches a file and hands it on; a refused file fails the report, a host in trouble retries. */
        private Uni<Step> fetched(StoredFile file, String step, Function<EvidenceFile, Uni<Step>> then) {
            Instant startedAt = Instant.now();
            long start = System.nanoTime();
            return evidence.fetch(file.ref()).onItemOrFailure().transformToUni((fetched, failure) -> {
                if (failure == null) {
                    return then.apply(fetched);
                }
                if (!(failure instanceof ProviderException)) {
                    return Uni.createFrom().failure(failure);
                }
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                Exchange exchange = Exchange.noAnswer(failure.getMessage());
                Optional<Integer> position = Optional.of(file.ref().position());
                if (failure instanceof EvidenceRefused) {
                    return record(step, position, PartnerCall.REJECTED, exchange, startedAt, took)
                            .chain(() -> fail(exchange));
                }
                return record(step, position, PartnerCall.RETRY, exchange, startedAt, took).replaceWith(
                        Step.end(new AttemptResult.Retry(Optional.empty(), exchange.message(), Optional.empty())));
            });
        }

        private Uni<Step> open() {
            return step("submit", Optional.empty(), () -> adapter.open(report.outgoing()), done -> {
                String id = done.refs().get(SteppedReportingAdapter.REPORT_ID);
                if (id == null) {
                    return Uni.createFrom().item(Step.end(invalid("the partner opened no report id")));
                }
                Instant now = Instant.now();
                return rows.opened(item, report.id(), id, now, adapter.expiresAt(now, now)).chain(landed -> {
                    if (landed) {
                        partnerReportId = id;
                        openedAt = now;
                        return Uni.createFrom().item(Step.ON);
                    }
                    // Another process owns the report now: the report just opened would be an orphan.
                    return call.call(partner, "retract", () -> adapter.retract(id)).replaceWith(Step.end(
                            new AttemptResult.Retry(Optional.empty(), "the lease ended while the report was opened;"
                                    + " the orphan was retracted", Optional.empty())));
                });
            });
        }

        private Uni<Step> upload(StoredFile file) {
            int position = file.ref().position();
            return fetched(file, "upload", bytes -> step("upload", Optional.of(position),
                    () -> adapter.upload(partnerReportId, bytes), done -> {
                        String fileId = done.refs().get(SteppedReportingAdapter.FILE_ID);
                        if (fileId == null) {
                            return Uni.createFrom().item(Step.end(invalid("the partner answered no file id")));
                        }
                        Optional<String> md5 = Optional.ofNullable(done.refs().get(SteppedReportingAdapter.FILE_MD5));
                        if (md5.isPresent() && !md5.get().equalsIgnoreCase(bytes.md5())) {
                            return Uni.createFrom().item(Step.end(invalid("the partner's MD5 of evidence file "
                                    + position + " differs from Warden's; it is uploaded again")));
                        }
                        Instant now = Instant.now();
                        return stored(rows.uploaded(item, report.id(), position, fileId, md5, now,
                                adapter.expiresAt(openedAt, now))).invoke(next -> uploadedIds.put(position, fileId));
                    }));
        }

        /** The partner's file details come from the report; the bytes were uploaded already and are not fetched. */
        private Uni<Step> describe(StoredFile file) {
            int position = file.ref().position();
            String fileId = file.fileId().orElse(null);
            EvidenceFile described = new EvidenceFile(file.ref(), new byte[0], UNTYPED,
                    file.ref().sha256().orElse(""), file.ref().md5().orElse(""));
            return Uni.createFrom().deferred(() -> {
                String id = fileId != null ? fileId : uploadedIds.get(position);
                return step("fileinfo", Optional.of(position),
                        () -> adapter.describeFile(partnerReportId, id, described, report.outgoing()), done -> {
                            Instant now = Instant.now();
                            return stored(rows.described(item, report.id(), position, now,
                                    adapter.expiresAt(openedAt, now)));
                        });
            });
        }

        private Uni<Step> finish() {
            return step("finish", Optional.empty(), () -> adapter.finish(partnerReportId), done -> {
                Map<String, Object> refs = Map.copyOf(done.refs());
                return rows.accepted(List.of(new Acceptance(item, report.id(), "created", refs, Optional.empty())))
                        .invoke(moved -> moved.forEach(id -> metrics.ended(partner.id(), "accepted", "created")))
                        .replaceWith(Step.end(AttemptResult.done()));
            });
        }

        /**
         * One exchange: recorded, then {@code onDone} for a success; already-done counts as done (a retried finish);
         * a rejection fails the report; a partner that lost the report reopens it once its window has passed.
         */
        private Uni<Step> step(String name, Optional<Integer> position, Supplier<Uni<StepAnswer>> exchange,
                Function<StepAnswer.Done, Uni<Step>> onDone) {
            if (item.leaseLeft().compareTo(partner.settings().callBudget()) <= 0) {
                return Uni.createFrom().item(Step.end(new AttemptResult.Retry(Optional.empty(),
                        "the lease ended before step " + name + "; the next attempt continues there",
                        Optional.of(Duration.ZERO))));
            }
            return call.<StepAnswer>call(partner, name, exchange).chain(result -> {
                if (result instanceof PartnerCall.Postponed<StepAnswer> postponed) {
                    return record(PartnerCall.WAIT_STEP, position, PartnerCall.RETRY, postponed.exchange(),
                            result.startedAt(), result.took()).replaceWith(Step.end(postponed.retry()));
                }
                if (result instanceof PartnerCall.Failed<StepAnswer> failed) {
                    Uni<Void> recorded = record(name, position, failed.outcome(), failed.exchange(),
                            result.startedAt(), result.took());
                    return failed.outcome().equals(PartnerCall.REJECTED) ? recorded.chain(() -> fail(failed.exchange()))
                            : recorded.replaceWith(Step.end(failed.retry()));
                }
                StepAnswer answer = ((PartnerCall.Answered<StepAnswer>) result).answer();
                String outcome = outcome(answer);
                metrics.exchange(partner.id(), name, outcome, result.took());
                Uni<Void> recorded = record(name, position, outcome, answer.exchange(), result.startedAt(),
                        result.took());
                if (answer instanceof StepAnswer.Done done) {
                    return recorded.chain(() -> onDone.apply(done));
                }
                if (answer instanceof StepAnswer.AlreadyDone) {
                    return recorded.chain(() -> onDone.apply(new StepAnswer.Done(answer.exchange(), Map.of())));
                }
                if (answer instanceof StepAnswer.ReportGone) {
                    return recorded.chain(() -> gone(answer.exchange()));
                }
                return recorded.chain(() -> fail(answer.exchange()));
            });
        }

        /**
         * The partner deletes a report left unfinished past its window; Warden then opens it anew. Gone before the
         * window ended means someone else withdrew it: that is not Warden's to undo.
         */
        private Uni<Step> gone(Exchange exchange) {
            boolean expired = report.expiresAt().map(at -> !Instant.now().isBefore(at)).orElse(false);
            if (!expired) {
                return fail(exchange);
            }
            return rows.forgotten(item, report.id(), Optional.of("queued")).replaceWith(Step.end(
                    new AttemptResult.Retry(exchange.httpStatus(), "the partner deleted the unfinished report;"
                            + " it is opened again", Optional.of(Duration.ZERO))));
        }

        /** Nothing open: the report fails here. Open: the row stops, and its end queues the retract. */
        private Uni<Step> fail(Exchange exchange) {
            AttemptResult stop = new AttemptResult.Stop(exchange.httpStatus(), exchange.message());
            if (partnerReportId != null) {
                return Uni.createFrom().item(Step.end(stop));
            }
            return rows.failed(item, report.id(), exchange.message()).invoke(landed -> {
                if (landed) {
                    metrics.ended(partner.id(), "failed", "none");
                }
            }).replaceWith(Step.end(stop));
        }

        private Uni<Step> stored(Uni<Boolean> write) {
            return write.map(landed -> landed ? Step.ON : Step.end(new AttemptResult.Retry(Optional.empty(),
                    "the lease ended before the step's answer was stored", Optional.of(Duration.ZERO))));
        }

        private Uni<Void> record(String step, Optional<Integer> position, String outcome, Exchange exchange,
                Instant startedAt, Duration took) {
            boolean failed = !outcome.equals(OK) && !outcome.equals("already");
            return attempts.one(report.id(), item.id(), step, position, outcome, exchange, failed, startedAt, took);
        }
    }

    private static String outcome(StepAnswer answer) {
        if (answer instanceof StepAnswer.Done) {
            return OK;
        }
        if (answer instanceof StepAnswer.AlreadyDone) {
            return "already";
        }
        return answer instanceof StepAnswer.ReportGone ? "gone" : PartnerCall.REJECTED;
    }

    private static AttemptResult invalid(String message) {
        return new AttemptResult.Retry(Optional.empty(), message, Optional.empty());
    }
}
