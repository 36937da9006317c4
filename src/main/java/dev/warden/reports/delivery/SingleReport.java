package dev.warden.reports.delivery;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.warden.reports.ReportingPartner;
import dev.warden.reports.ReportingPartners;
import dev.warden.work.AttemptResult;
import dev.warden.work.WorkItem;

/**
 * The common start of the one-report kinds ({@code report-confirm}, {@code report-retract}): the partner must be
 * configured and enabled, the report must exist and name this row as its current delivery.
 */
@ApplicationScoped
class SingleReport {

    private final ReportingPartners partners;
    private final DeliveryRows rows;

    SingleReport(ReportingPartners partners, DeliveryRows rows) {
        this.partners = partners;
        this.rows = rows;
    }

    Uni<AttemptResult> run(WorkItem item, BiFunction<ReportingPartner, StoredReport, Uni<AttemptResult>> work) {
        Optional<ReportingPartner> partner = partners.find(item.destination());
        if (partner.isEmpty()) {
            return Uni.createFrom().item(AttemptResult.stop("no reporting partner '" + item.destination()
                    + "' is configured"));
        }
        if (!partner.get().enabled()) {
            return Uni.createFrom().item(new AttemptResult.Retry(Optional.empty(), "reporting partner '"
                    + partner.get().id() + "' is disabled", Optional.empty()));
        }
        Optional<UUID> subject = item.subjectId();
        if (subject.isEmpty()) {
            return Uni.createFrom().item(AttemptResult.stop("the row names no report"));
        }
        return rows.load(List.of(subject.get())).chain(reports -> {
            StoredReport report = reports.get(subject.get());
            if (report == null) {
                return Uni.createFrom().item(AttemptResult.stop("the report no longer exists"));
            }
            if (!report.ownedBy(item.id())) {
                return Uni.createFrom().item(AttemptResult.stop("superseded by another delivery of the report"));
            }
            return work.apply(partner.get(), report);
        });
    }
}
