package dev.warden.persistence;

import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;

/**
 * Builds the reactive pool with every wait bounded by {@code warden.database.timeout} (Quarkus exposes none of
 * these as configuration): waiting for a free connection, opening a TCP connection, and each statement on the
 * server. The server-side {@code statement_timeout}, sent with every connection's start-up, also covers lock waits;
 * it is what makes PostgreSQL give up a statement Warden no longer waits for, so the connection returns to the pool.
 */
@Singleton
public class BoundedPgPoolCreator implements PgPoolCreator {

    private final DatabaseCalls calls;

    BoundedPgPoolCreator(DatabaseCalls calls) {
        this.calls = calls;
    }

    @Override
    @SuppressWarnings("deprecation") // Quarkus casts what this returns to PgPool, so it must be one.
    public Pool create(Input input) {
        int millis = Math.toIntExact(calls.timeout().toMillis());
        input.poolOptions().setConnectionTimeout(millis).setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
        input.pgConnectOptionsList().forEach(options -> options.setConnectTimeout(millis)
                .addProperty("statement_timeout", String.valueOf(millis)));
        return PgPool.pool(input.vertx(), input.pgConnectOptionsList(), input.poolOptions());
    }
}
