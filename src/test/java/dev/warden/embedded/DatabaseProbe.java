package dev.warden.embedded;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Logs in to an embedded database and keeps values in it, to tell whether data survived a stop or a crash. */
final class DatabaseProbe {

    static Connection connect(EmbeddedDatabase database) throws SQLException {
        return connect(database, database.password());
    }

    /** A login with the password given, or with none when it is null. */
    static Connection connect(EmbeddedDatabase database, String password) throws SQLException {
        return connect(database.port(), password);
    }

    static Connection connect(int port, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", EmbeddedDatabase.USER);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + EmbeddedDatabase.DATABASE,
                properties);
    }

    static void keep(Connection connection, String value) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("create table if not exists kept (value text)");
            sql.execute("insert into kept values ('" + value + "')");
        }
    }

    static List<String> kept(Connection connection) throws SQLException {
        return column(connection, "select value from kept");
    }

    static List<String> column(Connection connection, String query) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private DatabaseProbe() {
    }
}
