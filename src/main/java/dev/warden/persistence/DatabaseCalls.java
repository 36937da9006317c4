package dev.warden.persistence;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The one place that bounds how long a caller waits for the database: {@code warden.database.timeout}. A stalled
 * or locked database then costs a caller that long, not forever. Abandoning a call must not leak its pooled
 * connection: the pool bounds connection waits and PostgreSQL cancels the abandoned statement itself (see
 * {@link BoundedPgPoolCreator}), so every connection comes back, at the latest when a stalled server resumes.
 */
@ApplicationScoped
public class DatabaseCalls {

    /** {@code query_canceled} (the statement timeout) and {@code lock_not_available} (the lock timeout). */
    private static final Set<String> SERVER_TIMEOUTS = Set.of("57014", "55P03");
    /**
     * How the Vert.x pool fails when no connection became free within its connection timeout: for a statement, and
     * for a connection taken out (a Hibernate session). Neither has an exception type of its own.
     */
    private static final Set<String> POOL_WAIT_TIMED_OUT = Set.of("Timeout waiting for connection", "Timeout");

    private final Duration timeout;

    DatabaseCalls(@ConfigProperty(name = "warden.database.timeout") Duration timeout) {
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }

    /** One statement on the reactive pool, which runs it on a connection of its own and always returns it. */
    public <T> Uni<T> statement(Uni<T> statement) {
        return statement.ifNoItem().after(timeout).failWith(() -> new DatabaseTimeoutException(timeout, null))
                .onFailure(DatabaseCalls::isTimeout).transform(this::timedOut);
    }

    /**
     * A read through Hibernate Reactive, in a session of its own. The bound runs inside the session so that a read
     * given up on still closes its session (a session cancelled from outside would keep its connection forever);
     * opening the session waits for a connection at most the pool's connection timeout, and the read gets the rest.
     */
    public <T> Uni<T> read(Supplier<Uni<T>> read) {
        return Uni.createFrom().deferred(() -> {
            long start = System.nanoTime();
            Executor sessionContext = VertxContexts.current();
            return Panache.withSession(() -> read.get().ifNoItem().after(left(start))
                    .recoverWithUni(() -> Uni.createFrom().<T>failure(new DatabaseTimeoutException(timeout, null))
                            .emitOn(sessionContext)));
        }).onFailure(DatabaseCalls::isTimeout).transform(this::timedOut);
    }

    private Duration left(long startNanos) {
        Duration left = timeout.minusNanos(System.nanoTime() - startNanos);
        return left.isNegative() || left.isZero() ? Duration.ofMillis(1) : left;
    }

    private DatabaseTimeoutException timedOut(Throwable failure) {
        return failure instanceof DatabaseTimeoutException timedOut ? timedOut
                : new DatabaseTimeoutException(timeout, failure);
    }

    /**
     * PostgreSQL's statement or lock timeout, or the pool's wait for a connection: all the same bound. PostgreSQL's
     * timeout and Warden's own start together and either may end first; through Hibernate, PostgreSQL's arrives as a
     * {@code JDBCException} over a {@code SQLException}, not as a {@code PgException}.
     */
    static boolean isTimeout(Throwable failure) {
        if (SqlStates.anyOf(failure, SERVER_TIMEOUTS)) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabaseTimeoutException || (cause.getClass().getName().startsWith("io.vertx.")
                    && POOL_WAIT_TIMED_OUT.contains(String.valueOf(cause.getMessage())))) {
                return true;
            }
        }
        return false;
    }
}
