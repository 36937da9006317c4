package dev.warden.work;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

import dev.warden.embedded.EmbeddedDatabase;

/**
 * This process's outbox worker: started with Warden when {@code warden.outbox.enabled} (the default), stopped
 * cleanly on shutdown (see {@link OutboxWorker#stop()}).
 */
@ApplicationScoped
class OutboxProcess {

    private static final Logger LOG = Logger.getLogger(OutboxProcess.class);
    /** After the grace: storing the last outcomes and releasing the leases, each bounded by the database timeout. */
    private static final Duration STOP_BEYOND_GRACE = Duration.ofSeconds(10);

    /** The statement itself is bounded by warden.database.timeout; this only keeps start-up from waiting forever. */
    private static final Duration RESUME_WAIT = Duration.ofSeconds(30);

    private OutboxWorker worker;

    void start(@Observes StartupEvent started, OutboxSettingsCheck checked, OutboxSettings settings, Outbox outbox,
            WorkHandlers handlers, @Any Instance<DestinationLimits> limits, OutboxMetrics metrics, Pool pool,
            Vertx vertx,
            @ConfigProperty(name = EmbeddedDatabase.ACTIVE_PROPERTY, defaultValue = "false") boolean embedded) {
        if (!settings.enabled()) {
            LOG.info("Outbox worker off (warden.outbox.enabled=false): this process serves the API only");
            return;
        }
        if (embedded) {
            resumeAtOnce(outbox);
        }
        worker = new OutboxWorker(outbox, handlers, new EveryDestinationLimit(limits), settings, metrics, pool, vertx,
                workerId());
        worker.start();
    }

    /**
     * The embedded database's data directory is locked to one Warden process, so after a crash every lease left in
     * it belonged to a process that is gone: its work resumes at once instead of after {@code warden.outbox.lease}.
     * With an external database other replicas may be alive and holding their leases, so they run out as usual.
     */
    private static void resumeAtOnce(Outbox outbox) {
        int expired = outbox.expireLeases().await().atMost(RESUME_WAIT);
        if (expired > 0) {
            LOG.infof("Resuming %d outbox rows leased by a Warden process that is gone", expired);
        }
    }

    void stop(@Observes ShutdownEvent stopping, OutboxSettings settings) {
        if (worker == null) {
            return;
        }
        try {
            worker.stop().await().atMost(settings.shutdownGrace().plus(STOP_BEYOND_GRACE));
        } catch (RuntimeException e) {
            LOG.warnf("Outbox worker %s did not stop cleanly (%s); its rows are due again when their leases expire",
                    worker.id(), e.toString());
        }
    }

    /**
     * The host (a pod's name on Kubernetes), the process id and a random suffix: unique per start, and telling an
     * operator which process holds or worked a row.
     */
    static String workerId() {
        String host = Optional.ofNullable(System.getenv("HOSTNAME")).filter(name -> !name.isBlank()).orElse("warden");
        return host + ":" + ProcessHandle.current().pid() + ":" + UUID.randomUUID().toString().substring(0, 8);
    }
}
