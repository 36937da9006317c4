package dev.warden.retention;

import java.util.Map;
import java.util.Set;

/** What one run purged per kind, and the kinds that failed in it (retried by the next run). */
record RetentionReport(Map<RetentionKind, Long> purged, Set<RetentionKind> failed) {

    long purged(RetentionKind kind) {
        return purged.getOrDefault(kind, 0L);
    }

    boolean complete() {
        return failed.isEmpty();
    }
}
