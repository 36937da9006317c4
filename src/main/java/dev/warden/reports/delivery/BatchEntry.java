package dev.warden.reports.delivery;

import dev.warden.work.WorkItem;

/** One report of a batch call: the outbox row that carries it, the report and its partner key (DSA puid). */
record BatchEntry(WorkItem item, StoredReport report, String key) {
}
