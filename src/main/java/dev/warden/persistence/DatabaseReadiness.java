package dev.warden.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Ready only while the database answers within {@code warden.database.timeout}. Replaces Quarkus' datasource
 * checks, which wait up to 20 seconds for a stalled database (and which would also check the migration-only JDBC
 * datasource).
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements AsyncHealthCheck {

    /** The name Quarkus gave its own check, which this one replaces: alerts and dashboards may match on it. */
    private static final String NAME = "Reactive PostgreSQL connections health check";

    private final Pool pool;
    private final DatabaseCalls calls;

    DatabaseReadiness(Pool pool, DatabaseCalls calls) {
        this.pool = pool;
        this.calls = calls;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return calls.statement(pool.query("select 1").execute())
                .map(answered -> HealthCheckResponse.up(NAME))
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).down()
                        .withData("error", failure.getMessage() == null ? failure.getClass().getSimpleName()
                                : failure.getMessage())
                        .build());
    }
}
