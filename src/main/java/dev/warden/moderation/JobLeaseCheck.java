package dev.warden.moderation;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import dev.warden.config.PoliciesConfig;
import dev.warden.persistence.DatabaseCalls;

/**
 * An outbox lease shorter than an async moderation's longest attempt lets another process lease the job while the
 * first still runs it: the vendors are then asked twice (the moderation still completes once, and one callback is
 * queued). Said at start-up, per policy, rather than refused: nothing is lost, it only costs calls.
 */
@ApplicationScoped
class JobLeaseCheck {

    private static final Logger LOG = Logger.getLogger(JobLeaseCheck.class);

    void check(@Observes StartupEvent started, PoliciesConfig policies, DatabaseCalls calls,
            @ConfigProperty(name = "warden.outbox.lease", defaultValue = "60s") Duration lease) {
        policies.all().forEach((name, policy) -> {
            Duration longest = policy.deadline().plus(ModerationJob.overhead(calls.timeout()));
            if (lease.compareTo(longest) <= 0) {
                LOG.warnf("warden.outbox.lease (%s) is not longer than an async moderation of policy '%s' may take"
                        + " (deadline %s + %s): a slow job may be leased twice and its vendors asked twice",
                        lease, name, policy.deadline(), ModerationJob.overhead(calls.timeout()));
            }
        });
    }
}
