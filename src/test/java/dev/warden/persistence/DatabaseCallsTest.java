package dev.warden.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;

import org.hibernate.QueryTimeoutException;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

/** Whichever ends first, PostgreSQL's timeout or Warden's, the caller sees the same timeout (and gets a 503). */
class DatabaseCallsTest {

    private final DatabaseCalls calls = new DatabaseCalls(Duration.ofSeconds(2));

    @Test
    void postgresqlsStatementTimeoutThroughHibernateIsATimeout() {
        QueryTimeoutException hibernate = new QueryTimeoutException("error executing SQL statement",
                new SQLException("ERROR: canceling statement due to statement timeout (57014)", "57014"), "select 1");

        assertThat(DatabaseCalls.isTimeout(hibernate)).isTrue();
        assertThat(failureOf(calls.statement(Uni.createFrom().failure(hibernate))))
                .isInstanceOf(DatabaseTimeoutException.class);
    }

    @Test
    void postgresqlsLockTimeoutOnTheReactiveClientIsATimeout() {
        assertThat(DatabaseCalls.isTimeout(new PgException("lock timeout", "ERROR", "55P03", null))).isTrue();
    }

    @Test
    void thePoolsOwnTimeoutIsATimeoutAndFailuresWithoutStateOrMessageAreNot() {
        assertThat(DatabaseCalls.isTimeout(new io.vertx.core.impl.NoStackTraceThrowable("Timeout"))).isTrue();
        assertThat(DatabaseCalls.isTimeout(new io.vertx.core.impl.NoStackTraceThrowable(null))).isFalse();
        assertThat(DatabaseCalls.isTimeout(new IllegalStateException())).isFalse();
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertThat(DatabaseCalls.isTimeout(new PgException("duplicate key", "ERROR", "23505", null))).isFalse();
        assertThat(DatabaseCalls.isTimeout(new SQLException("syntax error", "42601"))).isFalse();
    }

    private static Throwable failureOf(Uni<?> uni) {
        return uni.onItem().transform(item -> (Throwable) null).onFailure().recoverWithItem(failure -> failure)
                .await().atMost(Duration.ofSeconds(5));
    }
}
