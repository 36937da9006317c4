package dev.warden.reports.delivery;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.warden.reports.ReportingPartner;
import dev.warden.reports.delivery.DeliveryRows.Acceptance;
import dev.warden.spi.reporting.BatchReportingAdapter;
import dev.warden.spi.reporting.Exchange;
import dev.warden.spi.reporting.Existence;
import dev.warden.work.AttemptResult;
import dev.warden.work.WorkHandler;
import dev.warden.work.WorkItem;

/**
 * Delivers {@code report-confirm} rows: asks a batch partner whether it holds the key it called a duplicate (DSA
 * {@code existing-puid}; a 302 is the answer and is never followed). Held: the report is {@code accepted} (acceptance
 * stays {@code accepted-duplicate}). Not held: the key was only locked by a call that then failed, so the report is
 * sent again under a new {@code report} row, up to {@code max-confirm-cycles} times; then it fails.
 */
@ApplicationScoped
class ConfirmDelivery implements WorkHandler {

    static final String STEP = "existing-puid";
    private static final String DUPLICATE = "accepted-duplicate";

    private final SingleReport single;
    private final PartnerCall call;
    private final DeliveryRows rows;
    private final ReportAttempts attempts;
    private final DeliveryMetrics metrics;
    private final Abandonment abandonment;

    ConfirmDelivery(SingleReport single, PartnerCall call, DeliveryRows rows, ReportAttempts attempts,
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
        return DeliveryKinds.CONFIRM;
    }

    @Override
    public Uni<AttemptResult> attempt(WorkItem item) {
        return single.run(item, (partner, report) -> {
            if (!(partner.adapter() instanceof BatchReportingAdapter adapter) || report.partnerKey().isEmpty()) {
                return Uni.createFrom().item(AttemptResult.stop("partner '" + partner.id()
                        + "' has no keys to confirm"));
            }
            return call.<Existence>call(partner, STEP, () -> adapter.exists(report.partnerKey().get()))
                    .chain(result -> answered(partner, item, report, result));
        });
    }

    private Uni<AttemptResult> answered(ReportingPartner partner, WorkItem item, StoredReport report,
            PartnerCall.Result<Existence> result) {
        if (result instanceof PartnerCall.Postponed<Existence> postponed) {
            return record(item, report, PartnerCall.WAIT_STEP, PartnerCall.RETRY, postponed.exchange(), false,
                    result).replaceWith(postponed.retry());
        }
        if (result instanceof PartnerCall.Failed<Existence> failed) {
            return record(item, report, STEP, failed.outcome(), failed.exchange(), true, result)
                    .replaceWith(failed.retry());
        }
        Existence answer = ((PartnerCall.Answered<Existence>) result).answer();
        boolean exists = answer instanceof Existence.Exists;
        metrics.exchange(partner.id(), STEP, exists ? "ok" : "missing", result.took());
        Uni<Void> recorded = record(item, report, STEP, exists ? "ok" : PartnerCall.RETRY, answer.exchange(), false,
                result);
        AttemptResult done = new AttemptResult.Done(answer.exchange().httpStatus());
        if (exists) {
            return recorded.chain(() -> rows.accepted(List.of(new Acceptance(item, report.id(), DUPLICATE, Map.of(),
                    Optional.empty())))).invoke(moved -> moved.forEach(id -> metrics.ended(partner.id(), "accepted",
                            DUPLICATE))).replaceWith(done);
        }
        if (report.confirmCycles() < partner.settings().maxConfirmCycles()) {
            return recorded.chain(() -> rows.resend(item, report.id())).replaceWith(done);
        }
        String message = "the partner refused the key as a duplicate but does not know it after "
                + report.confirmCycles() + " resends (a key locked by a call that failed stays refused for a while)";
        return recorded.chain(() -> rows.failed(item, report.id(), message)).invoke(landed -> {
            if (landed) {
                metrics.ended(partner.id(), "failed", DUPLICATE);
            }
        }).replaceWith(new AttemptResult.Stop(answer.exchange().httpStatus(), message));
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
