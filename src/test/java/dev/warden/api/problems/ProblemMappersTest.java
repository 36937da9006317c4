package dev.warden.api.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;

import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vertx.pgclient.PgException;

/** A database that is restarting or shutting down is a 503 whichever client noticed, never a 500. */
class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @BeforeEach
    void configure() {
        mappers.databaseTimeout = Duration.ofSeconds(2);
    }

    @Test
    void aShutdownSeenThroughHibernateIsUnavailable() {
        SQLException terminated = new SQLException("terminating connection due to administrator command", "57P01");

        assertThat(mappers.unexpected(new JDBCConnectionException("error executing SQL statement", terminated))
                .getStatus()).isEqualTo(503);
    }

    @Test
    void aShutdownSeenByTheReactiveClientIsUnavailable() {
        assertThat(mappers.unexpected(new PgException("the database system is shutting down", "FATAL", "57P03",
                null)).getStatus()).isEqualTo(503);
    }

    @Test
    void anyOtherFailureIsAnInternalErrorWithAnErrorId() {
        var answer = mappers.unexpected(new IllegalStateException("bug"));

        assertThat(answer.getStatus()).isEqualTo(500);
        assertThat(answer.getEntity().toString()).contains("error id").doesNotContain("IllegalStateException");
    }
}
