package dev.warden.reports;

import java.util.List;
import java.util.Optional;

import dev.warden.work.DeliveryCursor;

/** One page of reports and, when there are more, where the next page starts. */
public record ReportPage(List<ReportView> reports, Optional<DeliveryCursor> next) {
}
