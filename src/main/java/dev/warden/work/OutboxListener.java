package dev.warden.work;

import java.time.Duration;

import org.jboss.logging.Logger;

import io.vertx.core.Context;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * {@code LISTEN warden_outbox} on a connection of the pool (so it connects exactly as the configured datasource,
 * embedded or not), waking the worker on every notification. A dropped connection is replaced with growing
 * pauses; after each (re)connect the worker is woken once, for anything queued while nobody listened. Lives on the
 * worker's context.
 */
final class OutboxListener {

    private static final Logger LOG = Logger.getLogger(OutboxListener.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final Pool pool;
    private final Context home;
    private final Runnable wake;
    private SqlConnection connection;
    private Duration pause = FIRST_PAUSE;
    private long reconnectTimer = -1;
    private boolean stopped;

    OutboxListener(Pool pool, Context home, Runnable wake) {
        this.pool = pool;
        this.home = home;
        this.wake = wake;
    }

    /** On the worker's context. */
    void start() {
        stopped = false;
        connect();
    }

    private void connect() {
        reconnectTimer = -1;
        pool.getConnection().subscribe().with(this::listenOn, failure -> {
            LOG.warnf("Cannot listen for outbox notifications (%s); polling meanwhile", failure.toString());
            reconnectLater();
        });
    }

    private void listenOn(SqlConnection acquired) {
        home.runOnContext(ignored -> {
            if (stopped) {
                acquired.closeAndForget();
                return;
            }
            connection = acquired;
            PgConnection listening = PgConnection.cast(acquired);
            listening.notificationHandler(notification -> wake.run());
            listening.closeHandler(() -> home.runOnContext(closed -> dropped(acquired)));
            acquired.query("LISTEN " + Outbox.CHANNEL).execute().subscribe().with(done -> {
                pause = FIRST_PAUSE;
                wake.run();
            }, failure -> {
                LOG.warnf("LISTEN %s failed (%s); polling meanwhile", Outbox.CHANNEL, failure.toString());
                acquired.closeAndForget();
                home.runOnContext(closed -> dropped(acquired));
            });
        });
    }

    private void dropped(SqlConnection closed) {
        if (connection != closed) {
            return;
        }
        connection = null;
        if (!stopped) {
            LOG.warn("The outbox notification connection closed; reconnecting, polling meanwhile");
            reconnectLater();
        }
    }

    private void reconnectLater() {
        home.runOnContext(ignored -> {
            if (stopped || reconnectTimer >= 0) {
                return;
            }
            reconnectTimer = home.owner().setTimer(pause.toMillis(), timer -> connect());
            Duration doubled = pause.multipliedBy(2);
            pause = doubled.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : doubled;
        });
    }

    /** On the worker's context: stops listening and gives the connection back, unlistened. */
    void stop() {
        stopped = true;
        if (reconnectTimer >= 0) {
            home.owner().cancelTimer(reconnectTimer);
            reconnectTimer = -1;
        }
        SqlConnection listening = connection;
        connection = null;
        if (listening != null) {
            listening.query("UNLISTEN *").execute().onTermination().call(listening::close)
                    .subscribe().with(done -> {
                    }, failure -> LOG.debugf("UNLISTEN on stop failed: %s", failure));
        }
    }
}
