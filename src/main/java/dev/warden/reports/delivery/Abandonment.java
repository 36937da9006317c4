package dev.warden.reports.delivery;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

import dev.warden.work.WorkItem;

/**
 * A delivery row ended undone (stopped, or dead-lettered after {@code warden.outbox.max-age}): the report it owned
 * ends {@code failed} or {@code dead} with the reason, counted per partner ({@code warden.reports.dead.letters} is the
 * alert metric), and a CyberTip still open at the partner gets a retract queued in the same statement.
 */
@ApplicationScoped
class Abandonment {

    private static final Logger LOG = Logger.getLogger(Abandonment.class);

    private final DeliveryRows rows;
    private final DeliveryMetrics metrics;

    Abandonment(DeliveryRows rows, DeliveryMetrics metrics) {
        this.rows = rows;
        this.metrics = metrics;
    }

    /** {@code retractOpen}: queue a retract for an open report (not when the ended row was a retract itself). */
    Uni<Void> ended(WorkItem item, String reason, boolean dead, boolean retractOpen) {
        return rows.abandoned(item, dead, reason, retractOpen).invoke(ended -> ended.ifPresent(report -> {
            metrics.ended(report.partner(), report.status(), "none");
            LOG.warnf("Report %s to %s is %s: %s", report.report(), report.partner(), report.status(), reason);
        })).replaceWithVoid();
    }
}
