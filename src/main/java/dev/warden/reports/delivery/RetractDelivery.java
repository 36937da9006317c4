package dev.warden.reports.delivery;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.warden.reports.ReportingPartner;
import dev.warden.spi.reporting.Exchange;
import dev.warden.spi.reporting.StepAnswer;
import dev.warden.spi.reporting.SteppedReportingAdapter;
import dev.warden.work.AttemptResult;
import dev.warden.work.WorkHandler;
import dev.warden.work.WorkItem;

/**
 * Delivers {@code report-retract} rows: withdraws a report the partner holds open (NCMEC retract). Retracted, or
 * already retracted: the partner's ids are forgotten (a retracted report can never be finished; a later
 * {@code :retry} opens a new one) and, when an operator asked ({@code "requested": true}), the report is
 * {@code retracted}; after a failure the report keeps its {@code failed} or {@code dead}. A report the partner never
 * opened needs no call.
 */
@ApplicationScoped
class RetractDelivery implements WorkHandler {

    static final String STEP = "retract";
    private static final String RETRACTED = "retracted";

    private final SingleReport single;
    private final PartnerCall call;
    private final DeliveryRows rows;
    private final ReportAttempts attempts;
    private final DeliveryMetrics metrics;
    private final Abandonment abandonment;

    RetractDelivery(SingleReport single, PartnerCall call, DeliveryRows rows, ReportAttempts attempts,
            DeliveryMetrics metrics, Abandonment abandonment) {
        this.single = single;
        this.call = call;
        this.rows = rows;
        this.attempts = attempts;
        this.metrics = metrics;
        this.abandonment = abandonment;
    }

    @Override
    public String kind() {
        return DeliveryKinds.RETRACT;
    }

    @Override
    public Uni<AttemptResult> attempt(WorkItem item) {
        boolean requested = item.payload().getBoolean("requested", false);
        return single.run(item, (partner, report) -> {
            if (!(partner.adapter() instanceof SteppedReportingAdapter adapter)) {
                return Uni.createFrom().item(AttemptResult.stop("partner '" + partner.id()
                        + "' does not take retractions"));
            }
            if (report.partnerReportId().isEmpty()) {
                return forget(partner, item, report, requested).replaceWith(AttemptResult.done());
            }
            return call.<StepAnswer>call(partner, STEP, () -> adapter.retract(report.partnerReportId().get()))
                    .chain(result -> answered(partner, item, report, requested, result));
        });
    }

    private Uni<AttemptResult> answered(ReportingPartner partner, WorkItem item, StoredReport report,
            boolean requested, PartnerCall.Result<StepAnswer> result) {
        if (result instanceof PartnerCall.Postponed<StepAnswer> postponed) {
            return record(item, report, PartnerCall.WAIT_STEP, PartnerCall.RETRY, postponed.exchange(), false, result)
                    .replaceWith(postponed.retry());
        }
        if (result instanceof PartnerCall.Failed<StepAnswer> failed) {
            return record(item, report, STEP, failed.outcome(), failed.exchange(), true, result)
                    .replaceWith(failed.outcome().equals(PartnerCall.REJECTED)
                            ? new AttemptResult.Stop(failed.exchange().httpStatus(), failed.exchange().message())
                            : failed.retry());
        }
        StepAnswer answer = ((PartnerCall.Answered<StepAnswer>) result).answer();
        Exchange exchange = answer.exchange();
        boolean withdrawn = answer instanceof StepAnswer.Done || answer instanceof StepAnswer.AlreadyDone
                || answer instanceof StepAnswer.ReportGone;
        String outcome = answer instanceof StepAnswer.Done ? "ok" : withdrawn ? "already" : PartnerCall.REJECTED;
        metrics.exchange(partner.id(), STEP, outcome, result.took());
        Uni<Void> recorded = record(item, report, STEP, outcome, exchange, !withdrawn, result);
        if (withdrawn) {
            return recorded.chain(() -> forget(partner, item, report, requested))
                    .replaceWith(new AttemptResult.Done(exchange.httpStatus()));
        }
        return recorded.replaceWith(new AttemptResult.Stop(exchange.httpStatus(), exchange.message()));
    }

    private Uni<Boolean> forget(ReportingPartner partner, WorkItem item, StoredReport report, boolean requested) {
        return rows.forgotten(item, report.id(), requested ? Optional.of(RETRACTED) : Optional.empty())
                .invoke(landed -> {
                    if (landed && requested) {
                        metrics.ended(partner.id(), RETRACTED, "none");
                    }
                });
    }

    private Uni<Void> record(WorkItem item, StoredReport report, String step, String outcome, Exchange exchange,
            boolean failed, PartnerCall.Result<?> result) {
        return attempts.one(report.id(), item.id(), step, Optional.empty(), outcome, exchange, failed,
                result.startedAt(), result.took());
    }

    @Override
    public Uni<Void> abandoned(WorkItem item, String reason, boolean deadLettered) {
        return abandonment.ended(item, reason, deadLettered, false);
    }
}
