package dev.warden.persistence;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.Predicate;

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
        return any(failure, state -> state.startsWith(prefix));
    }

    /** Whether some SQLSTATE in the failure's cause chain is one of these. */
    static boolean anyOf(Throwable failure, Set<String> states) {
        return any(failure, states::contains);
    }

    private static boolean any(Throwable failure, Predicate<String> matches) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String state = of(cause);
            if (state != null && matches.test(state)) {
                return true;
            }
        }
        return false;
    }

    private static String of(Throwable failure) {
        if (failure instanceof PgException pg) {
            return pg.getSqlState();
        }
        if (failure instanceof JDBCException jdbc) {
            return jdbc.getSQLState();
        }
        return failure instanceof SQLException sql ? sql.getSQLState() : null;
    }
}
