package dev.warden.moderation;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import dev.warden.config.PoliciesConfig;
import dev.warden.persistence.DatabaseCalls;
import dev.warden.work.OutboxSettings;

/**
 * An outbox lease shorter than an async moderation's longest attempt lets a slow attempt be called off when its
 * lease runs out, or the job be leased again while the first attempt still runs it. Nothing is lost (results stored
 * so far are reused, the moderation completes once, with one callback), but vendors may be asked again. Said at
 * start-up, per policy, rather than refused, for that reason.
 */
@ApplicationScoped
class JobLeaseCheck {

    private static final Logger LOG = Logger.getLogger(JobLeaseCheck.class);

    void check(@Observes StartupEvent started, PoliciesConfig policies, DatabaseCalls calls, OutboxSettings outbox) {
        Duration lease = outbox.lease();
        policies.all().forEach((name, policy) -> {
            Duration longest = policy.deadline().plus(ModerationJob.overhead(calls.timeout()));
            if (lease.compareTo(longest) <= 0) {
                LOG.warnf("warden.outbox.lease (%s) is not longer than an async moderation of policy '%s' may take"
                        + " (deadline %s + %s): a slow attempt may be called off or leased twice, and its vendors"
                        + " asked again",
                        lease, name, policy.deadline(), ModerationJob.overhead(calls.timeout()));
            }
        });
    }
}
