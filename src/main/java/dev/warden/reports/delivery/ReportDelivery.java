package dev.warden.reports.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.warden.reports.ReportingPartner;
import dev.warden.reports.ReportingPartners;
import dev.warden.spi.reporting.BatchReportingAdapter;
import dev.warden.spi.reporting.ReportingAdapter;
import dev.warden.spi.reporting.SteppedReportingAdapter;
import dev.warden.work.AttemptResult;
import dev.warden.work.WorkHandler;
import dev.warden.work.WorkItem;

/**
 * Delivers {@code report} rows (destination: the partner's id, subject: the report). Rows of a batch partner run
 * together, up to its batch size ({@link BatchRun}); a stepped partner's report runs alone ({@link SteppedRun}). A row
 * only acts for a report that names it as its current delivery ({@code work_id}); a row a {@code :retry} or
 * {@code :retract} superseded stops. When a row ends undone, its report ends {@code failed} or {@code dead}
 * ({@link Abandonment}).
 */
@ApplicationScoped
class ReportDelivery implements WorkHandler {

    private static final Set<String> DELIVERABLE = Set.of("queued", "in_progress", "submitted");

    private final ReportingPartners partners;
    private final DeliveryRows rows;
    private final BatchRun batches;
    private final SteppedRun steps;
    private final Abandonment abandonment;

    ReportDelivery(ReportingPartners partners, DeliveryRows rows, BatchRun batches, SteppedRun steps,
            Abandonment abandonment) {
        this.partners = partners;
        this.rows = rows;
        this.batches = batches;
        this.steps = steps;
        this.abandonment = abandonment;
    }

    @Override
    public String kind() {
        return DeliveryKinds.REPORT;
    }

    @Override
    public boolean batches() {
        return true;
    }

    @Override
    public int batchLimit(String destination) {
        return partners.find(destination).map(ReportingPartner::adapter)
                .filter(BatchReportingAdapter.class::isInstance)
                .map(adapter -> ((BatchReportingAdapter) adapter).maxBatch()).orElse(1);
    }

    @Override
    public Duration batchLinger(String destination) {
        return partners.find(destination).map(partner -> partner.settings().batchLinger()).orElse(Duration.ZERO);
    }

    @Override
    public Uni<AttemptResult> attempt(WorkItem item) {
        return attemptBatch(List.of(item)).map(results -> results.get(0));
    }

    @Override
    public Uni<List<AttemptResult>> attemptBatch(List<WorkItem> items) {
        Map<UUID, AttemptResult> results = new HashMap<>();
        Optional<ReportingPartner> found = partners.find(items.get(0).destination());
        if (found.isEmpty()) {
            items.forEach(item -> results.put(item.id(), AttemptResult.stop("no reporting partner '"
                    + item.destination() + "' is configured (warden.partners." + item.destination() + ".type)")));
            return Uni.createFrom().item(inOrder(items, results));
        }
        ReportingPartner partner = found.get();
        if (!partner.enabled()) {
            items.forEach(item -> results.put(item.id(), new AttemptResult.Retry(Optional.empty(),
                    "reporting partner '" + partner.id() + "' is disabled", Optional.empty())));
            return Uni.createFrom().item(inOrder(items, results));
        }
        return rows.load(items.stream().flatMap(item -> item.subjectId().stream()).toList())
                .chain(reports -> {
                    List<BatchEntry> deliverable = new ArrayList<>();
                    for (WorkItem item : items) {
                        StoredReport report = item.subjectId().map(reports::get).orElse(null);
                        AttemptResult settled = settled(item, report);
                        if (settled != null) {
                            results.put(item.id(), settled);
                        } else {
                            deliverable.add(new BatchEntry(item, report, key(partner.adapter(), report)));
                        }
                    }
                    return run(partner, deliverable).invoke(results::putAll);
                })
                .map(ignored -> inOrder(items, results));
    }

    private Uni<Map<UUID, AttemptResult>> run(ReportingPartner partner, List<BatchEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        ReportingAdapter adapter = partner.adapter();
        if (adapter instanceof BatchReportingAdapter batch) {
            return batches.run(partner, batch, entries);
        }
        SteppedReportingAdapter stepped = (SteppedReportingAdapter) adapter;
        Map<UUID, AttemptResult> results = new HashMap<>();
        Uni<Void> all = Uni.createFrom().voidItem();
        for (BatchEntry entry : entries) {
            all = all.chain(() -> steps.run(partner, stepped, entry.item(), entry.report())
                    .invoke(result -> results.put(entry.item().id(), result))).replaceWithVoid();
        }
        return all.replaceWith(results);
    }

    /** What a row gets without a call: it no longer owns its report, or the report needs nothing more. */
    private static AttemptResult settled(WorkItem item, StoredReport report) {
        if (report == null) {
            return AttemptResult.stop("the report no longer exists");
        }
        if (!report.ownedBy(item.id())) {
            return AttemptResult.stop("superseded by delivery " + report.workId().map(UUID::toString).orElse("none")
                    + " of the report");
        }
        if (report.status().equals("accepted") || report.status().equals("retracted")) {
            return AttemptResult.done();
        }
        if (!DELIVERABLE.contains(report.status())) {
            return AttemptResult.stop("the report is " + report.status() + "; POST /v1/reports/" + report.id()
                    + ":retry sends it again");
        }
        return null;
    }

    private static String key(ReportingAdapter adapter, StoredReport report) {
        return adapter instanceof BatchReportingAdapter batch
                ? report.partnerKey().orElseGet(() -> batch.partnerKey(report.content())) : "";
    }

    private static List<AttemptResult> inOrder(List<WorkItem> items, Map<UUID, AttemptResult> results) {
        return items.stream().map(item -> results.getOrDefault(item.id(), new AttemptResult.Retry(Optional.empty(),
                "the delivery gave this row no outcome", Optional.empty()))).toList();
    }

    @Override
    public Uni<Void> abandoned(WorkItem item, String reason, boolean deadLettered) {
        return abandonment.ended(item, reason, deadLettered, true);
    }
}
