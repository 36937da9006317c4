package dev.warden.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default keeps a user's data safe: durable settings really are in effect, and data survives a stop. */
class EmbeddedDatabaseTest {

    @Test
    void runsWithDurableSettingsAndKeepsDataAcrossRestarts(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("pg");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(data, 0, true);
                Connection connection = connect(database); Statement sql = connection.createStatement()) {
            assertThat(setting(sql, "fsync")).isEqualTo("on");
            assertThat(setting(sql, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(sql, "full_page_writes")).isEqualTo("on");
            sql.execute("create table kept (value text)");
            sql.execute("insert into kept values ('still here')");
        }

        try (EmbeddedDatabase database = EmbeddedDatabase.start(data, 0, true);
                Connection connection = connect(database); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("select value from kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("still here");
        }
    }

    private static Connection connect(EmbeddedDatabase database) throws Exception {
        return DriverManager.getConnection("jdbc:" + database.url(), database.user(), "postgres");
    }

    private static String setting(Statement sql, String name) throws Exception {
        try (ResultSet rows = sql.executeQuery("show " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
