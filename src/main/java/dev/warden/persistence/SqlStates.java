package dev.warden.persistence;

import java.sql.SQLException;

import org.hibernate.JDBCException;

import io.vertx.pgclient.PgException;

/**
 * The SQLSTATE of a database failure, however it arrived: from the reactive client as a {@code PgException}, or
 * through Hibernate Reactive as a {@code JDBCException} over a {@code SQLException}.
 */
public final class SqlStates {

    private SqlStates() {
    }

    /** Whether some SQLSTATE in the failure's cause chain starts with the prefix. */
    public static boolean anyStartsWith(Throwable failure, String prefix) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String state = of(cause);
            if (state != null && state.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    static String of(Throwable failure) {
        if (failure instanceof PgException pg) {
            return pg.getSqlState();
        }
        if (failure instanceof JDBCException jdbc) {
            return jdbc.getSQLState();
        }
        return failure instanceof SQLException sql ? sql.getSQLState() : null;
    }
}
