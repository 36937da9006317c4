package dev.warden.bench.loadgen.backbone;

import java.util.List;

/**
 * One scenario (a number of Warden processes on one PostgreSQL): its phases, and over all of them how many callbacks
 * arrived again after a first success ({@code repeatedDeliveries}) and how many failed the sink's signature check.
 */
record BackboneReport(String label, int processes, List<PhaseResult> phases, long repeatedDeliveries,
        long unverifiedRequests) {
}
