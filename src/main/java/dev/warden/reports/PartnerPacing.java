package dev.warden.reports;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * Stand-in for helper W's cluster-wide per-minute window, with its signature: every call may go. The lead drops this
 * file when W's implementation merges.
 */
@ApplicationScoped
public class PartnerPacing {

    /** Empty: call now; else how long until the partner's window has room again. */
    public Uni<Optional<Duration>> acquire(ReportingPartner partner) {
        return Uni.createFrom().item(Optional.empty());
    }
}
