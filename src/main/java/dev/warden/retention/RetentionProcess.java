package dev.warden.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

import dev.warden.config.RetentionConfig;

/**
 * This process's retention schedule: started with Warden when {@code warden.retention.enabled} (the default), stopped
 * on shutdown. Every replica may run it: each batch is safe with others purging the same database at once.
 */
@ApplicationScoped
class RetentionProcess {

    private static final Logger LOG = Logger.getLogger(RetentionProcess.class);

    private RetentionSchedule schedule;

    void start(@Observes StartupEvent started, RetentionSettingsCheck checked, RetentionConfig settings,
            RetentionRun run, Vertx vertx) {
        if (!settings.enabled()) {
            LOG.info("Retention off (warden.retention.enabled=false): this process purges nothing");
            return;
        }
        LOG.infof("Retention on: a run every %s after the last one ended, in batches of %d rows", settings.interval(),
                settings.batchSize());
        schedule = new RetentionSchedule(run, settings, vertx);
        schedule.start(RetentionSchedule.FIRST_RUN_SPREAD);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (schedule != null) {
            schedule.stop();
        }
    }
}
